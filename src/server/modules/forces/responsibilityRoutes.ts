import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DUTIES } from '../../../domain/forces/duties';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { idParam } from './duty/schemas';
import * as responsibility from './responsibility';

// 包保: who answers for which unit; the units nobody answers for.

const tags = ['forces'];
const day = z.iso.date();

export function responsibilityRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/forces/responsibility/:code', {
    schema: {
      tags,
      summary:
        "A unit's 包保: who answers for it and for each child (unanswered flagged), counts below by kind",
      params: z.object({ code: z.string().min(2).max(24) }),
      querystring: z.object({
        after: z.string().max(24).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        below: z
          .enum(['0', '1'])
          .default('1')
          .transform((v) => v === '1'),
      }),
    },
    config: { access: { permission: 'forces.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) => responsibility.responsibilityView(services, req.scope, req.params.code, req.query),
  });

  app.post('/api/forces/responsibilities', {
    schema: {
      tags,
      summary: 'A person answers for a unit with a duty that fits its kind',
      body: z.object({
        unitCode: z.string().min(2).max(24),
        personId: z.string().max(20),
        duty: z.enum(DUTIES),
        since: day.optional(),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, personId: '0', duty: 'building_leader' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await responsibility.assignResponsibility(services, actorOf(req), req.body)),
  });

  app.post('/api/forces/responsibilities/:id/end', {
    schema: {
      tags,
      summary: 'End a responsibility on a day (kept, with who ended it)',
      params: idParam,
      body: z.object({ until: day.optional() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'responsibility', in: 'params', key: 'id', example: () => ({}) },
      },
    },
    handler: (req) => responsibility.endResponsibility(services, actorOf(req), req.params.id, req.body),
  });
}
