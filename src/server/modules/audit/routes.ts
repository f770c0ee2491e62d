import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/services';
import { listAuditPage } from './service';

// The audit log, for those who may read it, about the units in their scope.
export function auditRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary:
        'Audit entries in scope, newest first, with the names of the users, units, facilities, residents and people they refer to',
      querystring: z.object({
        action: z.string().max(40).optional(),
        after: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: { access: { permission: 'audit.read', list: {} } },
    handler: (req) =>
      listAuditPage(services.db, req.scope, {
        action: req.query.action,
        after: req.query.after,
        limit: req.query.limit,
      }),
  });
}
