import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customGroupKind, GROUP_ROLES } from '../../../domain/forces/groupKinds';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { dbId as id, idParam } from './duty/schemas';
import * as groups from './groups';

// Organisation: temporary party branches, teams, posts and zones; their members with roles and dates.

const tags = ['forces'];
const day = z.iso.date();
const name = z.string().trim().min(1).max(60);
const groupResource = { kind: 'group' as const, in: 'params' as const, key: 'id' };

export function groupRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/forces/group-kinds', {
    schema: { tags, summary: "Kinds of group: built-in, then the deployment's own" },
    config: { access: { permission: 'forces.read' } },
    handler: () => groups.listKinds(services),
  });

  app.put('/api/forces/group-kinds', {
    schema: {
      tags,
      summary: "The deployment's own kinds of group (by whoever manages forces at the top of the tree)",
      body: z.object({ kinds: z.array(customGroupKind).max(50) }),
    },
    config: { access: { permission: 'forces.manage' } },
    handler: (req) => groups.setCustomKinds(services, actorOf(req), req.body.kinds),
  });

  app.get('/api/forces/groups', {
    schema: {
      tags,
      summary: 'The organisation chart in scope: branches with their teams, and groups on their own',
      querystring: z.object({
        unit: z.string().min(2).max(24).optional(),
        kind: z.string().max(40).optional(),
        includeDissolved: z
          .enum(['0', '1', 'true', 'false'])
          .optional()
          .transform((v) => v === '1' || v === 'true'),
      }),
    },
    config: { access: { permission: 'forces.read', list: {} } },
    handler: (req) => groups.listGroups(services, req.scope, req.query),
  });

  app.post('/api/forces/groups', {
    schema: {
      tags,
      summary: 'Set up a group at a unit or a facility (a branch, a team under a branch, a post…)',
      body: z.object({
        unitCode: z.string().min(2).max(24).optional(),
        facilityId: id.optional(),
        parentId: id.nullish(),
        kind: z.string().min(1).max(40),
        name,
        setUpOn: day.optional(),
        notes: z.string().max(500).nullish(),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, kind: 'commando_team', name: '矩阵突击队' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await groups.createGroup(services, actorOf(req), req.body)),
  });

  app.get('/api/forces/groups/:id', {
    schema: {
      tags,
      summary: 'A group with its members (current and past) and the groups under it',
      params: idParam,
    },
    config: { access: { permission: 'forces.read', resource: groupResource } },
    handler: (req) => groups.getGroup(services, req.scope, req.params.id),
  });

  app.patch('/api/forces/groups/:id', {
    schema: {
      tags,
      summary: 'Rename a group, change its notes, or put it under a branch',
      params: idParam,
      body: z.object({ name: name.optional(), notes: z.string().max(500).nullish(), parentId: id.nullish() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...groupResource, example: () => ({ name: '改名突击队' }) },
      },
    },
    handler: (req) => groups.updateGroup(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/groups/:id/dissolve', {
    schema: {
      tags,
      summary: 'Dissolve a group on a day (kept; memberships end that day)',
      params: idParam,
      body: z.object({ on: day.optional() }),
    },
    config: { access: { permission: 'forces.manage', resource: { ...groupResource, example: () => ({}) } } },
    handler: (req) => groups.dissolveGroup(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/groups/:id/members', {
    schema: {
      tags,
      summary: 'A person joins in a role (secretary, deputy, leader, member)',
      params: idParam,
      body: z.object({ personId: z.string().max(20), role: z.enum(GROUP_ROLES), joinedOn: day.optional() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...groupResource, example: () => ({ personId: '0', role: 'member' }) },
      },
    },
    handler: (req) => groups.addMember(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/groups/:id/members/leave', {
    schema: {
      tags,
      summary: 'A member leaves the group (kept with the day)',
      params: idParam,
      body: z.object({ personId: z.string().max(20), on: day.optional() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...groupResource, example: () => ({ personId: '0' }) },
      },
    },
    handler: (req) => groups.removeMember(services, actorOf(req), req.params.id, req.body),
  });
}
