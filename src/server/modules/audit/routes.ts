import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/services';
import { listAudit } from './queries';

// The audit log, for those who may read it, about the units in their scope.
export function auditRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit entries in scope, newest first',
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
    handler: async (req) => {
      const rows = await listAudit(services.db, req.scope, {
        action: req.query.action,
        before: req.query.after,
        limit: req.query.limit + 1,
      });
      const items = rows.slice(0, req.query.limit).map((r) => ({
        id: r.id,
        at: r.at,
        username: r.username,
        action: r.action,
        unitPath: r.unit_path,
        target: r.target,
        detail: r.detail,
        ip: r.ip,
      }));
      return { items, next: rows.length > req.query.limit ? items[items.length - 1].id : null };
    },
  });
}
