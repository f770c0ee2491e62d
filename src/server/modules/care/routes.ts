import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser } from '../../platform/access';
import { attachment } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { XLSX_TYPE } from '../ledger/importRoutes';
import type { Doer } from './common';
import { dayList, prepareDayListExport } from './dayList';
import { assignRequest, deliverRequest, myTasks, takeRequest } from './delivery';
import { giveLink, takeLinkBack } from './links';
import { publicRoutes } from './publicRoutes';
import {
  cancelRequest,
  createRequest,
  getRequest,
  householdCare,
  listRequests,
  requestCounts,
} from './requests';
import { askBody, day, key, short } from './schemas';

// 生活保障 — care for those who cannot go out: requests of isolated and red-heart households, the office's
// board and the day's list, volunteers' tasks, households' links (the public page: publicRoutes.ts).
// Validate, call the service, shape the answer.

const tags = ['care'];
const unitCode = z.string().min(2).max(24);

const deliveryBody = z.object({ receivedBy: short(60), note: short(500).optional() });
const listState = z.enum(['open', 'overdue', 'assigned', 'late', 'delivered', 'cancelled', 'active']);

function doerOf(req: FastifyRequest): Doer {
  return { ...actorOf(req), displayName: currentUser(req).displayName };
}

export function careRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/care/requests', {
    schema: {
      tags,
      summary:
        'Requests of the caller’s scope for a day (today unless said; all days of one household), by deadline: overdue first',
      querystring: z.object({
        unit: unitCode.optional(),
        day: day.optional(),
        state: listState.optional(),
        household: key.optional(),
        after: short(120).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    config: { access: { permission: 'care.read', list: {} } },
    handler: (req) => listRequests(services, actorOf(req), req.query),
  });

  app.get('/api/care/counts', {
    schema: {
      tags,
      summary: 'How many of a day’s requests wait, are overdue, on their way (late), delivered, cancelled',
      querystring: z.object({ unit: unitCode.optional(), day: day.optional() }),
    },
    config: { access: { permission: 'care.read', list: {} } },
    handler: (req) => requestCounts(services, actorOf(req), req.query),
  });

  app.post('/api/care/requests', {
    schema: {
      tags,
      summary:
        'Asks for goods or help for an isolated or red-heart household (its worker); the same clientId again answers the first',
      body: askBody.extend({ clientId: z.uuid().optional(), householdKey: key }),
    },
    config: {
      access: {
        permission: 'care.manage',
        resource: {
          kind: 'careHousehold',
          in: 'body',
          key: 'householdKey',
          example: () => ({ items: [{ kind: 'rice', quantity: 10 }] }),
        },
      },
    },
    handler: async (req, reply) => {
      const r = await createRequest(services, doerOf(req), req.body);
      return reply.status(r.created ? 201 : 200).send(r.request);
    },
  });

  app.get('/api/care/requests/:id', {
    schema: { tags, summary: 'A request with its history', params: z.object({ id: key }) },
    config: {
      access: { permission: 'care.read', resource: { kind: 'careRequest', in: 'params', key: 'id' } },
    },
    handler: (req) => getRequest(services, actorOf(req), req.params.id),
  });

  app.post('/api/care/requests/:id/assign', {
    schema: {
      tags,
      summary: 'Gives a request to a person of the forces registry (reassigns one on its way)',
      params: z.object({ id: key }),
      body: z.object({ personId: short(20) }),
    },
    config: {
      access: {
        permission: 'care.manage',
        resource: { kind: 'careRequest', in: 'params', key: 'id', example: () => ({ personId: '$person' }) },
      },
    },
    handler: (req) => assignRequest(services, doerOf(req), req.params.id, req.body),
  });

  app.post('/api/care/requests/:id/delivered', {
    schema: {
      tags,
      summary: 'The office records a delivery, with who received it',
      params: z.object({ id: key }),
      body: deliveryBody,
    },
    config: {
      access: {
        permission: 'care.manage',
        resource: { kind: 'careRequest', in: 'params', key: 'id', example: () => ({ receivedBy: '本人' }) },
      },
    },
    handler: (req) => deliverRequest(services, doerOf(req), req.params.id, req.body, 'office'),
  });

  app.post('/api/care/requests/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancels a request not yet delivered, with the reason',
      params: z.object({ id: key }),
      body: z.object({ reason: short(300) }),
    },
    config: {
      access: {
        permission: 'care.manage',
        resource: {
          kind: 'careRequest',
          in: 'params',
          key: 'id',
          example: () => ({ reason: '住户已自行解决' }),
        },
      },
    },
    handler: (req) => cancelRequest(services, doerOf(req), req.params.id, req.body),
  });

  app.get('/api/care/tasks', {
    schema: {
      tags,
      summary:
        'A volunteer’s phone: their tasks on their way and delivered today, and the open requests they may take',
    },
    config: { access: { permission: 'care.deliver', list: {} } },
    handler: (req) => myTasks(services, doerOf(req)),
  });

  app.post('/api/care/tasks/:id/take', {
    schema: {
      tags,
      summary: 'A volunteer takes an open request (of two at once, one wins; the other gets 409)',
      params: z.object({ id: key }),
    },
    config: {
      access: { permission: 'care.deliver', resource: { kind: 'careRequest', in: 'params', key: 'id' } },
    },
    handler: (req) => takeRequest(services, doerOf(req), req.params.id),
  });

  app.post('/api/care/tasks/:id/delivered', {
    schema: {
      tags,
      summary:
        'A volunteer marks their task (or an open request they carried up) delivered, with who received it; again: the same answer',
      params: z.object({ id: key }),
      body: deliveryBody,
    },
    config: {
      access: {
        permission: 'care.deliver',
        resource: { kind: 'careRequest', in: 'params', key: 'id', example: () => ({ receivedBy: '本人' }) },
      },
    },
    handler: (req) => deliverRequest(services, doerOf(req), req.params.id, req.body, 'volunteer'),
  });

  app.get('/api/care/day-list', {
    schema: {
      tags,
      summary:
        'The day’s list per community (每日米面油清单): what, how much, for how many households, and the help asked for',
      querystring: z.object({ unit: unitCode, day: day.optional() }),
    },
    config: {
      access: { permission: 'care.read', resource: { kind: 'unit', in: 'query', key: 'unit' } },
    },
    handler: (req) => dayList(services, actorOf(req), req.query),
  });

  app.get('/api/care/day-list/export', {
    schema: {
      tags,
      summary: 'The day’s list as xlsx, to print for the supermarket or the donor (data.export; audited)',
      querystring: z.object({ unit: unitCode, day: day.optional() }),
    },
    config: {
      access: { permission: 'data.export', resource: { kind: 'unit', in: 'query', key: 'unit' } },
    },
    handler: async (req, reply) => {
      const { fileName, asciiName, write } = await prepareDayListExport(services, actorOf(req), req.query);
      const out = new PassThrough();
      write(out).catch((e: Error) => out.destroy(e));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(fileName, asciiName))
        .send(out);
    },
  });

  app.get('/api/care/households/:key', {
    schema: {
      tags,
      summary: 'A household’s care: why it may ask, its link (for who may give one), its latest requests',
      params: z.object({ key }),
    },
    config: {
      access: { permission: 'care.read', resource: { kind: 'careHousehold', in: 'params', key: 'key' } },
    },
    handler: (req) => householdCare(services, actorOf(req), req.params.key),
  });

  app.post('/api/care/households/:key/link', {
    schema: {
      tags,
      summary:
        'The household’s link (the token of its QR code): made when it has none; renew: a new one, the old one stops',
      params: z.object({ key }),
      body: z.object({ renew: z.boolean().optional() }),
    },
    config: {
      access: {
        permission: 'care.manage',
        resource: { kind: 'careHousehold', in: 'params', key: 'key', example: () => ({}) },
      },
    },
    handler: (req) => giveLink(services, doerOf(req), req.params.key, req.body),
  });

  app.delete('/api/care/households/:key/link', {
    schema: {
      tags,
      summary: 'Takes the household’s link back: its QR code stops working',
      params: z.object({ key }),
    },
    config: {
      access: { permission: 'care.manage', resource: { kind: 'careHousehold', in: 'params', key: 'key' } },
    },
    handler: async (req, reply) => {
      await takeLinkBack(services, doerOf(req), req.params.key);
      return reply.status(204).send();
    },
  });

  publicRoutes(app, services);
}
