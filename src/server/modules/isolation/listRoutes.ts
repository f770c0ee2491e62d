import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translate } from '../../../domain/i18n/messages';
import { actorOf } from '../../platform/access';
import { platformToday } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { getList, importList, listLists, placeListRow } from './lists';

// 协查名单 — lists sent down from above: imported as xlsx, each person matched, routed or left to chase;
// the lists with their figures; a person not found placed by hand. Validate, call the service, shape the answer.

const tags = ['isolation: lists from above'];
const dbId = z.string().regex(/^\d{1,18}$/);
const unitCode = z.string().min(2).max(24);
const MAX_LIST_BYTES = 10 * 1024 * 1024;

export function isolationListRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.post('/api/isolation/lists', {
    schema: {
      tags,
      summary:
        'Imports a list from above (xlsx as the body: 姓名, 身份证号, 联系电话, 现住址, 协查原因): every row placed or nothing; errors name row and column',
      querystring: z.object({
        unit: unitCode,
        title: z.string().trim().max(60).optional(),
        category: z.string().max(30).optional(),
      }),
    },
    bodyLimit: MAX_LIST_BYTES,
    config: {
      access: { permission: 'isolation.write', resource: { kind: 'unit', in: 'query', key: 'unit' } },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const data = Buffer.isBuffer(req.body) ? req.body : undefined;
      if (!data?.length) {
        // the unit is checked first: nothing is said about a unit out of scope
        await unitInScope(services.db, req.scope, req.query.unit, 'isolation.write');
        throw new AppError('validation', 'error.validation', { detail: 'file' }, [
          { path: 'file', message: translate(req.locale, 'error.import_not_xlsx') },
        ]);
      }
      const list = await importList(services, actor, {
        unitCode: req.query.unit,
        title: req.query.title || `协查名单 ${platformToday(services.config)}`,
        category: req.query.category ?? 'key_area',
        data,
      });
      return reply.status(201).send(list);
    },
  });

  app.get('/api/isolation/lists', {
    schema: {
      tags,
      summary: 'Lists from above received in the caller’s scope, with found, reached, placed, not found',
    },
    config: { access: { permission: 'isolation.read', list: {} } },
    handler: (req) => listLists(services, actorOf(req)),
  });

  app.get('/api/isolation/lists/:id', {
    schema: {
      tags,
      summary: 'A list with its rows (masked) and what became of each; outcome=not_found: the ones to chase',
      params: z.object({ id: dbId }),
      querystring: z.object({
        outcome: z.enum(['matched', 'routed', 'already', 'outside', 'not_found']).optional(),
      }),
    },
    config: {
      access: { permission: 'isolation.read', resource: { kind: 'isolationList', in: 'params', key: 'id' } },
    },
    handler: (req) => getList(services, actorOf(req), req.params.id, req.query),
  });

  app.post('/api/isolation/list-rows/:id/place', {
    schema: {
      tags,
      summary: 'Places a person the list could not (查找落地) at a unit: registered as a key person there',
      params: z.object({ id: dbId }),
      body: z.object({ unitCode }),
    },
    config: {
      access: {
        permission: 'isolation.write',
        resource: {
          kind: 'isolationListRow',
          in: 'params',
          key: 'id',
          example: () => ({ unitCode: '$unit' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await placeListRow(services, actorOf(req), req.params.id, req.body.unitCode)),
  });
}
