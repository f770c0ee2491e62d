import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTCOMES, STEPS } from '../../../domain/checkpoints/passage';
import { isIsoDate } from '../../../domain/ledger/keyAreas';
import { actorOf, currentUser } from '../../platform/access';
import { attachment } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { XLSX_TYPE } from '../ledger/importRoutes';
import { handoverRoutes } from './handoverRoutes';
import { counts, listPassages, preparePassageExport } from './lists';
import { registrationRoutes } from './registrationRoutes';
import { personSchema, vehicleSchema } from './schemas';
import * as service from './service';

// 卡点 — checkpoints: the stations, their passages and counts (hand-overs: handoverRoutes.ts; the public
// self-registration: registrationRoutes.ts). Validate, call the service, shape the answer.

const tags = ['checkpoints'];
const dbId = z.string().regex(/^\d{1,18}$/);
const key = z.string().regex(/^\d{6}-\d{1,18}$/);
const day = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
const short = (n: number) => z.string().max(n);

const passageBody = z.object({
  clientId: z.uuid(),
  facilityId: dbId,
  direction: short(5),
  occurredAt: short(40).optional(),
  vehicle: vehicleSchema.nullish(),
  people: z
    .array(personSchema.extend({ registrationPerson: z.number().int().min(0).max(59).optional() }))
    .max(100),
  steps: z
    .array(z.object({ step: short(20), by: short(30).optional() }))
    .max(10)
    .optional(),
  outcome: short(20).optional(),
  transferFacilityId: dbId.optional(),
  registrationCode: short(10).optional(),
});

const boolText = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));

const listQuery = z.object({
  facility: dbId.optional(),
  unit: z.string().min(2).max(24).optional(),
  day: day.optional(),
  outcome: z.enum(OUTCOMES).optional(),
  fromKeyArea: boolText,
  plate: z.string().trim().max(12).optional(),
  q: z.string().trim().max(30).optional(),
  after: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export function checkpointRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/checkpoints/facilities', {
    schema: {
      tags,
      summary: 'The checkpoints in the caller’s scope (under a unit)',
      querystring: z.object({ unit: z.string().min(2).max(24).optional() }),
    },
    config: { access: { permission: 'checkpoint.register', list: {} } },
    handler: (req) => service.listCheckpoints(services.db, req.scope, req.query.unit),
  });

  app.get('/api/checkpoints/facilities/:id', {
    schema: {
      tags,
      summary: 'A checkpoint, with the duty shift the caller is checked in to there',
      params: z.object({ id: dbId }),
    },
    config: {
      access: { permission: 'checkpoint.register', resource: { kind: 'facility', in: 'params', key: 'id' } },
    },
    handler: (req) => service.getCheckpoint(services, { ...actorOf(req) }, req.params.id),
  });

  app.put('/api/checkpoints/facilities/:id/steps', {
    schema: {
      tags,
      summary: 'The steps a checkpoint works by (拦停、检查、测量、登记、宣讲、消杀、报告)',
      params: z.object({ id: dbId }),
      body: z.object({ steps: z.array(z.enum(STEPS)).max(7) }),
    },
    config: {
      access: {
        permission: 'checkpoint.manage',
        resource: {
          kind: 'facility',
          in: 'params',
          key: 'id',
          example: () => ({ steps: ['stop', 'measure'] }),
        },
      },
    },
    handler: (req) => service.setSteps(services, actorOf(req), req.params.id, req.body.steps),
  });

  app.get('/api/checkpoints/reference', {
    schema: {
      tags,
      summary: 'What the phone keeps offline: key areas, window, fever threshold, transfer facilities',
    },
    config: { access: { permission: 'checkpoint.register' } },
    handler: () => service.reference(services),
  });

  app.post('/api/checkpoints/passages', {
    schema: {
      tags,
      summary:
        'Register a passage (replay-safe by clientId: the first answer again, 200); hand-overs made for people from key areas or with a fever',
      body: passageBody,
    },
    config: {
      access: {
        permission: 'checkpoint.register',
        resource: {
          kind: 'facility',
          in: 'body',
          key: 'facilityId',
          example: () => ({
            clientId: crypto.randomUUID(),
            direction: 'in',
            people: [{ name: '矩阵旅客', temperatureC: 36.5 }],
            outcome: 'released',
          }),
        },
      },
    },
    handler: async (req, reply) => {
      const user = currentUser(req);
      const { created, passage } = await service.recordPassage(
        services,
        { ...actorOf(req), displayName: user.displayName },
        req.body as service.PassageBody,
      );
      return reply.status(created ? 201 : 200).send(passage);
    },
  });

  app.get('/api/checkpoints/passages', {
    schema: {
      tags,
      summary:
        'Passages, newest first (keyset): by checkpoint or unit, day, outcome, key area, plate, number',
      querystring: listQuery,
    },
    config: { access: { permission: 'checkpoint.register', list: {} } },
    handler: (req) => listPassages(services, actorOf(req), req.query),
  });

  app.get('/api/checkpoints/passages/export', {
    schema: {
      tags,
      summary:
        'The list as xlsx, one row per person: masked, or in full with reveal=true (pii.reveal; audited)',
      querystring: listQuery.omit({ after: true, limit: true }).extend({ reveal: boolText }),
    },
    config: { access: { permission: 'data.export' } },
    handler: async (req, reply) => {
      const { fileName, asciiName, write } = await preparePassageExport(services, actorOf(req), {
        ...req.query,
        reveal: req.query.reveal ?? false,
      });
      const out = new PassThrough();
      write(out).catch((e: Error) => out.destroy(e));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(fileName, asciiName))
        .send(out);
    },
  });

  app.get('/api/checkpoints/passages/:id', {
    schema: {
      tags,
      summary: 'A passage with its people (masked), steps and outcome',
      params: z.object({ id: key }),
    },
    config: {
      access: { permission: 'checkpoint.register', resource: { kind: 'passage', in: 'params', key: 'id' } },
    },
    handler: (req) => service.getPassage(services.db, req.scope, req.params.id),
  });

  app.get('/api/checkpoints/counts', {
    schema: {
      tags,
      summary:
        'Counts of a day (Asia/Shanghai): of a checkpoint with its shifts, or of a unit with its children',
      querystring: z.object({
        unit: z.string().min(2).max(24).optional(),
        facility: dbId.optional(),
        day: day.optional(),
      }),
    },
    config: { access: { permission: 'checkpoint.register', list: {} } },
    handler: (req) => counts(services, actorOf(req), req.query),
  });

  handoverRoutes(app, services);
  registrationRoutes(app, services);
}
