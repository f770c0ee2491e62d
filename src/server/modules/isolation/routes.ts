import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/keyAreas';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { dueChecks, recordCheck } from './checks';
import { isolationCounts } from './counts';
import { createKeyPerson, getKeyPerson, listKeyPersons, revealKeyPerson } from './keyPersons';
import { isolationListRoutes } from './listRoutes';
import { endMeasure, startMeasure } from './measures';
import { addRooms, listSites, siteRooms, workersFor } from './sites';
import { listTransfers, updateTransfer } from './transfers';

// 重点人员、隔离管控 — key persons, their measures, the twice-daily checks, transfers, isolation sites and
// the counts. Validate, call the service, shape the answer.

const tags = ['isolation'];
const key = z.string().regex(/^\d{6}-\d{1,18}$/);
const dbId = z.string().regex(/^\d{1,18}$/);
const day = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
const short = (n: number) => z.string().max(n);
const unitCode = z.string().min(2).max(24);
const boolText = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));

const measureBody = z.object({
  kind: short(30),
  startsOn: day.optional(),
  plannedEnd: day.optional(),
  responsibleUserId: dbId.optional(),
  doctor: short(60).optional(),
  doorSeal: z.enum(['none', 'seal', 'alarm']).optional(),
  siteId: dbId.optional(),
  roomId: dbId.optional(),
  note: short(300).optional(),
});

const keyPersonBody = z.object({
  clientId: z.uuid().optional(),
  residentId: key.optional(),
  unitCode: unitCode.optional(),
  name: short(30).optional(),
  idType: short(30).optional(),
  idNumber: short(30).optional(),
  phone: short(30).optional(),
  address: short(120).optional(),
  category: short(30),
  source: short(30),
  sourceRef: short(60).optional(),
  evidence: z
    .object({
      travel: z
        .array(
          z.object({
            placeCode: short(12),
            placeName: short(60).optional(),
            from: day.optional(),
            to: day.optional(),
          }),
        )
        .max(20)
        .optional(),
      contactWith: short(60).optional(),
      contactOn: day.optional(),
      note: short(300).optional(),
    })
    .optional(),
  measure: measureBody.optional(),
});

export function isolationRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  isolationListRoutes(appBase, services);

  app.get('/api/isolation/key-persons', {
    schema: {
      tags,
      summary:
        'Key persons of the caller’s scope, newest first; filters: unit, category, measure, open/closed, fever, mine, name or last 4 digits',
      querystring: z.object({
        unit: unitCode.optional(),
        category: short(30).optional(),
        measure: short(30).optional(),
        state: z.enum(['open', 'closed']).optional(),
        fever: boolText,
        mine: boolText,
        overdue: boolText,
        releasable: boolText,
        q: z.string().trim().max(30).optional(),
        after: short(20).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    config: { access: { permission: 'isolation.read', list: {} } },
    handler: (req) => listKeyPersons(services, actorOf(req), req.query),
  });

  app.post('/api/isolation/key-persons', {
    schema: {
      tags,
      summary:
        'Registers a key person (a ledger resident by residentId, or a name with the unit they are at), optionally under a measure; the same clientId again answers the first',
      body: keyPersonBody,
    },
    config: { access: { permission: 'isolation.write' } },
    handler: async (req, reply) => {
      const r = await createKeyPerson(services, actorOf(req), req.body);
      return reply.status(r.created ? 201 : 200).send(r.keyPerson);
    },
  });

  app.get('/api/isolation/key-persons/:id', {
    schema: {
      tags,
      summary: 'A key person with their measures, checks, transfers and history',
      params: z.object({ id: key }),
    },
    config: {
      access: { permission: 'isolation.read', resource: { kind: 'keyPerson', in: 'params', key: 'id' } },
    },
    handler: (req) => getKeyPerson(services, actorOf(req), req.params.id),
  });

  app.post('/api/isolation/key-persons/:id/reveal', {
    schema: {
      tags,
      summary: 'The full ID number or phone of a key person (pii.reveal; audited)',
      params: z.object({ id: key }),
      body: z.object({ field: z.enum(['idNumber', 'phone']) }),
    },
    config: {
      access: {
        permission: 'pii.reveal',
        resource: { kind: 'keyPerson', in: 'params', key: 'id', example: () => ({ field: 'phone' }) },
      },
    },
    handler: (req) => revealKeyPerson(services, actorOf(req), req.params.id, req.body.field),
  });

  app.post('/api/isolation/key-persons/:id/measures', {
    schema: {
      tags,
      summary: 'Puts a key person under a measure (one at a time); the household’s colour follows',
      params: z.object({ id: key }),
      body: measureBody,
    },
    config: {
      access: {
        permission: 'isolation.write',
        resource: {
          kind: 'keyPerson',
          in: 'params',
          key: 'id',
          example: () => ({ kind: 'home_observation' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await startMeasure(services, actorOf(req), req.params.id, req.body)),
  });

  app.post('/api/isolation/measures/:id/end', {
    schema: {
      tags,
      summary:
        'Ends a measure: released (on or after its planned end, signed off), transferred or moved; next starts the next stage',
      params: z.object({ id: key }),
      body: z.object({
        reason: short(20),
        on: day.optional(),
        signedOffBy: short(60).optional(),
        note: short(300).optional(),
        next: z.boolean().optional(),
      }),
    },
    config: {
      access: {
        permission: 'isolation.write',
        resource: { kind: 'measure', in: 'params', key: 'id', example: () => ({ reason: 'moved' }) },
      },
    },
    handler: (req) => endMeasure(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/isolation/key-persons/:id/checks', {
    schema: {
      tags,
      summary:
        'Records a health check (测体温、问需求、看动态); a fever or symptom opens a transfer and alerts; the same clientId again answers the first',
      params: z.object({ id: key }),
      body: z.object({
        clientId: z.uuid(),
        how: short(10),
        temperatureC: z.number().nullish(),
        symptoms: z.array(short(30)).max(12).optional(),
        mood: short(10).nullish(),
        needs: short(300).optional(),
        note: short(300).optional(),
        checkedAt: short(40).optional(),
      }),
    },
    config: {
      access: {
        permission: 'isolation.write',
        resource: {
          kind: 'keyPerson',
          in: 'params',
          key: 'id',
          example: () => ({ clientId: crypto.randomUUID(), how: 'door', temperatureC: 36.5 }),
        },
      },
    },
    handler: async (req, reply) => {
      const r = await recordCheck(services, actorOf(req), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r.check);
    },
  });

  app.get('/api/isolation/checks/due', {
    schema: {
      tags,
      summary: 'Today’s checks due, overdue first: the caller’s own people, or a unit’s (unit=CODE)',
      querystring: z.object({ unit: unitCode.optional(), mine: boolText }),
    },
    config: { access: { permission: 'isolation.read', list: {} } },
    handler: (req) => dueChecks(services, actorOf(req), req.query),
  });

  app.get('/api/isolation/transfers', {
    schema: {
      tags,
      summary: 'Transfers (转运) of the caller’s scope, newest first; state=active: not closed',
      querystring: z.object({
        unit: unitCode.optional(),
        state: z.enum(['open', 'picked_up', 'closed', 'active']).optional(),
      }),
    },
    config: { access: { permission: 'isolation.read', list: {} } },
    handler: (req) => listTransfers(services, actorOf(req), req.query),
  });

  app.post('/api/isolation/transfers/:id', {
    schema: {
      tags,
      summary: 'Moves a transfer on: destination, escort, picked up, closed with the outcome',
      params: z.object({ id: key }),
      body: z.object({
        state: short(20),
        destination: short(100).optional(),
        escort: short(60).optional(),
        pickedUpAt: short(40).optional(),
        outcome: short(200).optional(),
      }),
    },
    config: {
      access: {
        permission: 'isolation.write',
        resource: { kind: 'transfer', in: 'params', key: 'id', example: () => ({ state: 'picked_up' }) },
      },
    },
    handler: (req) => updateTransfer(services, actorOf(req), req.params.id, req.body),
  });

  app.get('/api/isolation/counts', {
    schema: {
      tags,
      summary: 'Key persons by category and measure, fevers and overdue checks, for a unit and its children',
      querystring: z.object({ unit: unitCode }),
    },
    config: {
      access: { permission: 'isolation.read', resource: { kind: 'unit', in: 'query', key: 'unit' } },
    },
    handler: (req) => isolationCounts(services, actorOf(req), req.query.unit),
  });

  app.get('/api/isolation/workers', {
    schema: {
      tags,
      summary: 'Who may answer for key persons at a unit (专人负责): grid workers and offices at or above it',
      querystring: z.object({ unit: unitCode }),
    },
    config: {
      access: { permission: 'isolation.read', resource: { kind: 'unit', in: 'query', key: 'unit' } },
    },
    handler: (req) => workersFor(services, actorOf(req), req.query.unit),
  });

  app.get('/api/isolation/sites', {
    schema: { tags, summary: 'Isolation sites of the caller’s scope and above it, with beds and occupancy' },
    config: { access: { permission: 'isolation.read', list: {} } },
    handler: (req) => listSites(services, actorOf(req)),
  });

  app.get('/api/isolation/sites/:id/rooms', {
    schema: {
      tags,
      summary: 'The rooms of an isolation site with their occupancy',
      params: z.object({ id: dbId }),
    },
    config: {
      access: { permission: 'isolation.read', resource: { kind: 'isolationSite', in: 'params', key: 'id' } },
    },
    handler: (req) => siteRooms(services, actorOf(req), req.params.id),
  });

  app.post('/api/isolation/sites/:id/rooms', {
    schema: {
      tags,
      summary: 'Adds rooms to an isolation site (facility.write where it is)',
      params: z.object({ id: dbId }),
      body: z.object({
        names: z.array(short(20)).min(1).max(500),
        capacity: z.number().int().min(1).max(20).optional(),
      }),
    },
    config: {
      access: {
        permission: 'facility.write',
        resource: { kind: 'isolationSite', in: 'params', key: 'id', example: () => ({ names: ['矩阵101'] }) },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addRooms(services, actorOf(req), req.params.id, req.body)),
  });
}
