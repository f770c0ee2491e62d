import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { handoverArrived, handoverCounts, handoverNotArrived, listHandovers } from './handovers';

// Hand-overs (移交) from checkpoints to the destination communities: the lists of both sides, and the
// community's decision (arrived, linked to the ledger; or not arrived).

const tags = ['checkpoints: hand-overs'];
const key = z.string().regex(/^\d{6}-\d{1,18}$/);

export function handoverRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/checkpoints/handovers', {
    schema: {
      tags,
      summary:
        'Hand-overs to the caller’s communities and from their checkpoints, newest first; overdue = waiting past due (read time)',
      querystring: z.object({
        unit: z.string().min(2).max(24).optional(),
        state: z.enum(['waiting', 'arrived', 'not_arrived', 'overdue']).optional(),
        after: z.string().max(80).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    config: { access: { permission: 'handover.read', list: {} } },
    handler: (req) => listHandovers(services, actorOf(req), req.query),
  });

  app.get('/api/checkpoints/handovers/counts', {
    schema: {
      tags,
      summary: 'Hand-overs by state: waiting, overdue, arrived, not arrived',
      querystring: z.object({ unit: z.string().min(2).max(24).optional() }),
    },
    config: { access: { permission: 'handover.read', list: {} } },
    handler: (req) => handoverCounts(services, actorOf(req), req.query),
  });

  app.post('/api/checkpoints/handovers/:id/arrived', {
    schema: {
      tags,
      summary:
        'The person arrived: link a ledger resident (residentId) or add them to a household (householdKey); the travel goes to the ledger',
      params: z.object({ id: key }),
      body: z.object({
        residentId: key.optional(),
        householdKey: key.optional(),
        note: z.string().trim().max(200).optional(),
      }),
    },
    config: {
      access: { permission: 'ledger.write', resource: { kind: 'handover', in: 'params', key: 'id' } },
    },
    handler: (req) => handoverArrived(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/checkpoints/handovers/:id/not-arrived', {
    schema: {
      tags,
      summary: 'The person did not arrive (with a note)',
      params: z.object({ id: key }),
      body: z.object({ note: z.string().trim().max(200).optional() }),
    },
    config: {
      access: { permission: 'ledger.write', resource: { kind: 'handover', in: 'params', key: 'id' } },
    },
    handler: (req) => handoverNotArrived(services, actorOf(req), req.params.id, req.body),
  });
}
