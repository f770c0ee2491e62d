import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PATTERN_PRESETS } from '../../../../domain/forces/shiftPatterns';
import { actorOf } from '../../../platform/access';
import { platformToday } from '../../../platform/clock';
import type { Services } from '../../../platform/services';
import * as callups from './callups';
import { day, dbId, idParam, pageQuery, patternSchema, skillsSchema, unitCode } from './schemas';

// Call-ups (招募令) on the desk: create, list with progress, detail, close; the sign-ups: approve or
// reject, training signed off, badge/gear/meals, a phone login for the volunteer.

const tags = ['forces: call-ups'];

const examplePattern = PATTERN_PRESETS.two_day;

export function callupRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/forces/callups', {
    schema: {
      tags,
      summary: 'Call-ups in scope, newest first, with capacity, applied, approved and trained (keyset pages)',
      querystring: z.object({
        unitCode: unitCode.optional(),
        status: z.enum(['open', 'closed']).optional(),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'forces.read', list: {} } },
    handler: (req) => callups.listCallups(services, actorOf(req), req.query),
  });

  app.post('/api/forces/callups', {
    schema: {
      tags,
      summary:
        'Create a call-up at a unit: places per facility (of its subtree), dates, pattern, requirements',
      body: z.object({
        unitCode,
        title: z.string().trim().min(1).max(100),
        description: z.string().trim().max(2000).nullish(),
        requirements: z
          .object({
            skills: skillsSchema.optional(),
            minAge: z.number().int().min(14).max(100).nullish(),
            maxAge: z.number().int().min(14).max(100).nullish(),
            notes: z.string().trim().max(500).nullish(),
          })
          .optional(),
        startsOn: day,
        endsOn: day.nullish(),
        pattern: patternSchema,
        places: z
          .array(z.object({ facilityId: dbId, needed: z.number().int().min(1).max(10_000) }))
          .max(2000),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({
            unitCode: ref,
            title: '矩阵招募',
            startsOn: '2020-02-02',
            pattern: examplePattern,
            places: [],
          }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await callups.createCallup(services, actorOf(req), req.body)),
  });

  app.get('/api/forces/callups/:id', {
    schema: {
      tags,
      summary: 'A call-up with its places per station: approved, pending, places left, on the waiting list',
      params: idParam,
    },
    config: { access: { permission: 'forces.read', resource: { kind: 'callup', in: 'params', key: 'id' } } },
    handler: (req) => callups.getCallup(services, actorOf(req), req.params.id),
  });

  app.post('/api/forces/callups/:id/close', {
    schema: { tags, summary: 'Close a call-up to sign-ups', params: idParam },
    config: {
      access: { permission: 'forces.manage', resource: { kind: 'callup', in: 'params', key: 'id' } },
    },
    handler: (req) => callups.closeCallup(services, actorOf(req), req.params.id),
  });

  app.get('/api/forces/callups/:id/signups', {
    schema: {
      tags,
      summary:
        'The sign-ups of a call-up (masked phones), in order of arrival, pending ones with their place on the waiting list (keyset pages)',
      params: idParam,
      querystring: z.object({
        status: z.enum(['applied', 'approved', 'rejected', 'withdrawn']).optional(),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'forces.read', resource: { kind: 'callup', in: 'params', key: 'id' } } },
    handler: (req) => callups.listSignups(services, actorOf(req), req.params.id, req.query),
  });

  app.post('/api/forces/signups/:id/decision', {
    schema: {
      tags,
      summary:
        'Approve or reject a sign-up (approving may move it to another station; refused when approvals fill the station)',
      params: idParam,
      body: z.object({ decision: z.enum(['approved', 'rejected']), facilityId: dbId.nullish() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'signup', in: 'params', key: 'id', example: () => ({ decision: 'approved' }) },
      },
    },
    handler: (req) => callups.decideSignup(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/signups/:id/training', {
    schema: {
      tags,
      summary: 'Sign off the on-site training (上岗培训) of an approved sign-up',
      params: idParam,
      body: z.object({ day: day.optional() }),
    },
    config: {
      access: { permission: 'forces.manage', resource: { kind: 'signup', in: 'params', key: 'id' } },
    },
    handler: async (req) =>
      callups.trainSignup(services, actorOf(req), req.params.id, {
        day: req.body.day ?? platformToday(services.config),
      }),
  });

  app.patch('/api/forces/signups/:id', {
    schema: {
      tags,
      summary: 'Record the badge number, protective gear issued and meals',
      params: idParam,
      body: z.object({
        badgeNo: z.string().trim().max(30).nullish(),
        gearIssued: z.boolean().optional(),
        meals: z.boolean().optional(),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'signup', in: 'params', key: 'id', example: () => ({ meals: true }) },
      },
    },
    handler: (req) => callups.updateSignupKit(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/signups/:id/account', {
    schema: {
      tags,
      summary: "Open a phone login (volunteer role at the call-up's unit) linked to the volunteer",
      params: idParam,
      body: z.object({
        username: z.string().trim().min(3).max(40),
        password: z.string().min(8).max(200),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'signup',
          in: 'params',
          key: 'id',
          example: (ref) => ({
            username: `signup_${ref}_${Math.random().toString(36).slice(2, 8)}`,
            password: 'Volunteer2020',
          }),
        },
      },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await callups.createSignupAccount(services, actorOf(req), req.params.id, req.body)),
  });
}
