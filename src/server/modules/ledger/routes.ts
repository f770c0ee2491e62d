import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUSEHOLD_COLOURS, UNDATED_STAYS } from '../../../domain/ledger/colours';
import { MARKERS } from '../../../domain/ledger/markers';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { colourCounts } from './counts';
import { buildingView, countLedger, listLedger } from './ledgerList';
import { ledgerDay } from './policy';
import * as ledger from './service';

// Households and residents, counts, the building view. Routes validate, call the service, shape the answer.

const tags = ['ledger'];
const unitCode = z.string().min(2).max(24);
const key = z.string().regex(/^\d{6}-\d{1,18}$/);
const keyParam = z.object({ key });
const codeParam = z.object({ code: unitCode });
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).optional());

export const residentForm = z.object({
  name: z.string().max(50),
  sex: z.string().max(10).optional(),
  birthDate: z.string().max(20).optional(),
  idType: z.string().max(30).optional(),
  idNumber: z.string().max(40).optional(),
  phone: z.string().max(40).optional(),
  relation: z.string().max(20).optional(),
  workUnit: z.string().max(100).optional(),
  notes: z.string().max(500).optional(),
  markers: z.array(z.enum(MARKERS)).max(MARKERS.length).optional(),
});

const day = z.iso.date();

/** A stay away from home (TravelStay): one given without dates is kept and counts through the window. */
export const travelStay = z.object({
  placeCode: z.string().max(12),
  placeName: z.string().max(60).optional(),
  from: day.optional(),
  to: day.optional(),
  undated: z.enum(UNDATED_STAYS).optional(),
  recordedOn: day.optional(),
});

export function ledgerRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/ledger/day', {
    schema: { tags, summary: "The ledger's day and colour policy (key areas, window)" },
    config: { access: { permission: 'ledger.read' } },
    handler: () => ledgerDay(services),
  });

  const filterQuery = z.object({
    unit: unitCode,
    colour: list(z.enum(HOUSEHOLD_COLOURS)),
    marker: list(z.enum(MARKERS)),
    campaign: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    campaignStatus: z.enum(['pending', 'visited', 'revisit']).optional(),
    q: z.string().trim().max(40).optional(),
  });

  app.get('/api/ledger/households', {
    schema: {
      tags,
      summary:
        'The ledger of a subtree: households with residents (masked), filtered, in keyset pages (after / before a row) or a jump to a page',
      querystring: filterQuery.extend({
        after: z.string().max(400).optional(),
        before: z.string().max(400).optional(),
        page: z.coerce.number().int().min(1).max(100_000).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: { access: { permission: 'ledger.read', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: (req) => listLedger(services, req.scope, req.query, req.locale),
  });

  app.get('/api/ledger/households/count', {
    schema: {
      tags,
      summary:
        'How many households the list finds: exact by colour, else counted up to 10,000 (capped: more)',
      querystring: filterQuery,
    },
    config: { access: { permission: 'ledger.read', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: (req) => countLedger(services, req.scope, req.query, req.locale),
  });

  app.get('/api/ledger/households/:key', {
    schema: { tags, summary: 'A household: residents (masked) and its history', params: keyParam },
    config: {
      access: { permission: 'ledger.read', resource: { kind: 'household', in: 'params', key: 'key' } },
    },
    handler: (req) => ledger.getHousehold(services.db, req.scope, req.params.key),
  });

  app.post('/api/ledger/households', {
    schema: {
      tags,
      summary: 'A new household at a door, with its residents (none: an empty household)',
      body: z.object({
        unitCode,
        entrance: z.string().trim().max(20).optional(),
        door: z.string().trim().min(1).max(50),
        residents: z.array(residentForm).max(30).optional(),
      }),
    },
    config: {
      access: {
        permission: 'ledger.write',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, door: '101' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ key: await ledger.createHousehold(services, actorOf(req), req.body) }),
  });

  app.post('/api/ledger/households/:key/residents', {
    schema: { tags, summary: 'A resident moves in', params: keyParam, body: residentForm },
    config: {
      access: {
        permission: 'ledger.write',
        resource: { kind: 'household', in: 'params', key: 'key', example: () => ({ name: '新住户' }) },
      },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send({ key: await ledger.addResident(services, actorOf(req), req.params.key, req.body) }),
  });

  app.post('/api/ledger/households/:key/colour', {
    schema: {
      tags,
      summary: 'Set the colour by hand (with a reason), or clear it (colour null)',
      params: keyParam,
      body: z.object({ colour: z.enum(HOUSEHOLD_COLOURS).nullable(), reason: z.string().max(200) }),
    },
    config: {
      access: {
        permission: 'ledger.write',
        resource: {
          kind: 'household',
          in: 'params',
          key: 'key',
          example: () => ({ colour: 'red', reason: '密接者家属' }),
        },
      },
    },
    handler: (req) => ledger.setColourOverride(services, actorOf(req), req.params.key, req.body),
  });

  app.post('/api/ledger/households/:key/split', {
    schema: {
      tags,
      summary: 'Split a household (分户): the residents named move to a new household',
      params: keyParam,
      body: z.object({
        residentKeys: z.array(key).min(1).max(30),
        unitCode: unitCode.optional(),
        entrance: z.string().trim().max(20).optional(),
        door: z.string().trim().min(1).max(50),
        reason: z.string().max(200).optional(),
      }),
    },
    config: {
      access: {
        permission: 'ledger.write',
        resource: {
          kind: 'household',
          in: 'params',
          key: 'key',
          example: () => ({ residentKeys: ['410105-1'], door: '999' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send({ key: await ledger.splitHousehold(services, actorOf(req), req.params.key, req.body) }),
  });

  app.patch('/api/ledger/residents/:key', {
    schema: {
      tags,
      summary: "Change a resident's details, and the stays away from home (the list as it should be)",
      params: keyParam,
      body: residentForm.partial().extend({ travel: z.array(travelStay).max(20).optional() }),
    },
    config: {
      access: {
        permission: 'ledger.write',
        resource: { kind: 'resident', in: 'params', key: 'key', example: () => ({ workUnit: '个体' }) },
      },
    },
    handler: async (req, reply) => {
      await ledger.updateResident(services, actorOf(req), req.params.key, req.body);
      return reply.status(204).send();
    },
  });

  app.post('/api/ledger/residents/:key/status', {
    schema: {
      tags,
      summary: 'A resident moves out, dies, is away, or is back (kept on record, with history)',
      params: keyParam,
      body: z.object({
        status: z.enum(['present', 'away', 'moved_out', 'deceased']),
        date: z.iso.date().optional(),
        reason: z.string().max(200).optional(),
      }),
    },
    config: {
      access: {
        permission: 'ledger.write',
        resource: { kind: 'resident', in: 'params', key: 'key', example: () => ({ status: 'away' }) },
      },
    },
    handler: async (req, reply) => {
      await ledger.endResidence(services, actorOf(req), req.params.key, req.body);
      return reply.status(204).send();
    },
  });

  app.post('/api/ledger/residents/:key/reveal', {
    schema: {
      tags,
      summary: "A resident's full ID number or phone (needs pii.reveal; audited)",
      params: keyParam,
      body: z.object({ field: z.enum(['idNumber', 'phone']) }),
    },
    config: {
      access: {
        permission: 'pii.reveal',
        resource: { kind: 'resident', in: 'params', key: 'key', example: () => ({ field: 'phone' }) },
      },
    },
    handler: (req) => ledger.revealResident(services, actorOf(req), req.params.key, req.body.field),
  });

  app.get('/api/ledger/counts/:code', {
    schema: {
      tags,
      summary: 'Households and residents by colour and marker, in total and per child unit',
      params: codeParam,
    },
    config: { access: { permission: 'ledger.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) => colourCounts(services.db, req.scope, req.params.code),
  });

  app.get('/api/ledger/buildings/:code', {
    schema: {
      tags,
      summary: 'The building view (楼栋图): households of a building as coloured tiles',
      params: codeParam,
    },
    config: { access: { permission: 'ledger.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) => buildingView(services.db, req.scope, req.params.code),
  });
}
