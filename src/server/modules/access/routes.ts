import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_DEFINITIONS, ROLES } from '../../../domain/access/roles';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import * as access from './service';

// Users, their roles on units, sessions, and revealing a user's phone.
const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
const unitCode = z.string().min(2).max(24);

export function accessRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['access'];
  const userResource = (example?: (ref: string) => Record<string, unknown>) =>
    ({ kind: 'user', in: 'params', key: 'id', example }) as const;

  app.get('/api/access/roles', {
    schema: { tags, summary: 'The roles and what each may do' },
    config: { access: {} },
    handler: () => ({ items: ROLES.map((r) => ROLE_DEFINITIONS[r]) }),
  });

  app.get('/api/access/users', {
    schema: {
      tags,
      summary: 'Users whose home unit is in scope (phones masked)',
      querystring: z.object({
        unit: unitCode.optional(),
        q: z.string().trim().max(60).optional(),
        after: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: { access: { permission: 'user.read', list: {} } },
    handler: (req) => access.listUsers(services.db, req.scope, req.query),
  });

  app.post('/api/access/users', {
    schema: {
      tags,
      summary: 'Create a user',
      body: z.object({
        username: z
          .string()
          .trim()
          .min(2)
          .max(40)
          .regex(/^[\w.@-]+$/),
        displayName: z.string().trim().min(1).max(40),
        password: z.string().min(1).max(200),
        homeUnitCode: unitCode,
        phone: z.string().trim().max(20).nullish(),
      }),
    },
    config: {
      access: {
        permission: 'user.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'homeUnitCode',
          example: (ref) => ({
            username: `m${Date.now()}${Math.floor(Math.random() * 1e6)}`,
            displayName: '矩阵',
            password: 'Matrix2024ok',
            homeUnitCode: ref,
          }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await access.createUser(services, actorOf(req), req.body)),
  });

  app.get('/api/access/users/:id', {
    schema: { tags, summary: 'One user with roles', params: idParam },
    config: { access: { permission: 'user.read', resource: userResource() } },
    handler: (req) => access.getUser(services.db, req.scope, req.params.id),
  });

  app.patch('/api/access/users/:id', {
    schema: {
      tags,
      summary: 'Change a user',
      params: idParam,
      body: z.object({
        displayName: z.string().trim().min(1).max(40).optional(),
        disabled: z.boolean().optional(),
        phone: z.string().trim().max(20).nullish(),
      }),
    },
    config: {
      access: { permission: 'user.manage', resource: userResource(() => ({ displayName: '矩阵改名' })) },
    },
    handler: (req) => access.updateUser(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/access/users/:id/grants', {
    schema: {
      tags,
      summary: 'Grant a role on a unit',
      params: idParam,
      body: z.object({ role: z.enum(ROLES), unitCode }),
    },
    config: {
      // '$unit': the access matrix puts a unit on the same side of the scope as the user
      access: {
        permission: 'user.manage',
        resource: userResource(() => ({ role: 'volunteer', unitCode: '$unit' })),
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await access.grantRole(services, actorOf(req), req.params.id, req.body)),
  });

  app.delete('/api/access/grants/:id', {
    schema: { tags, summary: 'Revoke a grant', params: idParam },
    config: { access: { permission: 'user.manage', resource: { kind: 'grant', in: 'params', key: 'id' } } },
    handler: async (req, reply) => {
      await access.revokeGrant(services, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/access/users/:id/sessions/revoke', {
    schema: { tags, summary: "End all of a user's sessions", params: idParam },
    config: { access: { permission: 'user.manage', resource: userResource() } },
    handler: (req) => access.revokeSessions(services, actorOf(req), req.params.id),
  });

  app.post('/api/access/users/:id/reveal', {
    schema: {
      tags,
      summary: "A user's full phone number (audited)",
      params: idParam,
      body: z.object({ field: z.enum(['phone']) }),
    },
    config: { access: { permission: 'pii.reveal', resource: userResource(() => ({ field: 'phone' })) } },
    handler: (req) => access.revealPhone(services, actorOf(req), req.params.id),
  });
}
