import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTACT_KINDS, SYMPTOMS } from '../../../domain/ledger/colours';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { unitsAtPaths } from '../org/service';
import { listLedger } from './ledgerList';
import { residentForm, travelStay } from './routes';
import * as screening from './screening';

// Door-to-door screening (入户排查): campaigns, their progress, the doors to knock at, visits.

const tags = ['screening'];
const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
const day = z.iso.date();

export function screeningRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.post('/api/ledger/campaigns', {
    schema: {
      tags,
      summary: 'Start a screening campaign over a subtree: every household in it is a door to visit',
      body: z.object({
        unitCode: z.string().min(2).max(24),
        name: z.string().trim().min(1).max(60),
        startsOn: day,
        endsOn: day.optional(),
      }),
    },
    config: {
      access: {
        permission: 'screening.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, name: '第一轮入户排查', startsOn: '2020-01-28' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await screening.createCampaign(services, actorOf(req), req.body)),
  });

  app.get('/api/ledger/campaigns', {
    schema: { tags, summary: 'Campaigns over the scope, or over a subtree that holds part of it' },
    config: { access: { permission: 'ledger.read', list: {} } },
    handler: (req) => screening.listCampaigns(services.db, req.scope),
  });

  app.get('/api/ledger/campaigns/:id', {
    schema: {
      tags,
      summary: 'Progress: visited / total, revisits, by colour, per child unit',
      params: idParam,
      querystring: z.object({ unit: z.string().min(2).max(24).optional() }),
    },
    config: {
      access: { permission: 'ledger.read', resource: { kind: 'campaign', in: 'params', key: 'id' } },
    },
    handler: (req) => screening.campaignProgress(services.db, req.scope, req.params.id, req.query.unit),
  });

  app.post('/api/ledger/campaigns/:id/close', {
    schema: { tags, summary: 'Close a campaign', params: idParam },
    config: {
      access: { permission: 'screening.manage', resource: { kind: 'campaign', in: 'params', key: 'id' } },
    },
    handler: (req) => screening.closeCampaign(services, actorOf(req), req.params.id),
  });

  app.get('/api/ledger/campaigns/:id/doors', {
    schema: {
      tags,
      summary: 'The doors of a campaign in a unit, in the ledger order, with the state of their visit',
      params: idParam,
      querystring: z.object({
        /** default: the campaign's unit, or the actor's part of it */
        unit: z.string().min(2).max(24).optional(),
        status: z.enum(['pending', 'visited', 'revisit']).optional(),
        /** a name (characters or pinyin), the end of an ID or phone, a door ('401', '1-401'), a building */
        q: z.string().trim().max(40).optional(),
        after: z.string().max(400).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: {
      access: { permission: 'ledger.read', resource: { kind: 'campaign', in: 'params', key: 'id' } },
    },
    handler: async (req) => {
      const { roots } = await screening.campaignFor(services.db, req.scope, req.params.id, 'ledger.read');
      const unit = req.query.unit ?? (await unitsAtPaths(services.db, [roots[0]]))[0].code;
      const page = await listLedger(
        services,
        req.scope,
        {
          unit,
          campaign: req.params.id,
          campaignStatus: req.query.status,
          q: req.query.q,
          after: req.query.after,
          limit: req.query.limit,
        },
        req.locale,
      );
      const states = await screening.targetStates(
        services.db,
        req.params.id,
        page.items.map((h) => h.key),
      );
      return { ...page, items: page.items.map((h) => ({ ...h, visit: states.get(h.key) ?? null })) };
    },
  });

  app.get('/api/ledger/campaigns/:id/places', {
    schema: {
      tags,
      summary:
        "The buildings (places) of a campaign's doors in the actor's part of it, with their progress: the phone's jump to a building",
      params: idParam,
      querystring: z.object({ unit: z.string().min(2).max(24).optional() }),
    },
    config: {
      access: { permission: 'ledger.read', resource: { kind: 'campaign', in: 'params', key: 'id' } },
    },
    handler: (req) => screening.campaignPlaces(services.db, req.scope, req.params.id, req.query.unit),
  });

  app.get('/api/ledger/households/:key/visits', {
    schema: {
      tags,
      summary:
        "A household's screening visits, newest first: who, when, outcome (nobody home too), colour before and after, each resident's answers",
      params: z.object({ key: z.string().regex(/^\d{6}-\d{1,18}$/) }),
    },
    config: {
      access: { permission: 'ledger.read', resource: { kind: 'household', in: 'params', key: 'key' } },
    },
    handler: (req) => screening.householdVisits(services.db, req.scope, req.params.key),
  });

  app.post('/api/ledger/visits', {
    schema: {
      tags,
      summary: 'A visit to a door (idempotent by clientId): answers update residents and the colour',
      body: z.object({
        clientId: z.uuid(),
        campaignId: z.string().regex(/^\d{1,18}$/),
        householdKey: z.string().regex(/^\d{6}-\d{1,18}$/),
        outcome: z.enum(['visited', 'nobody_home']),
        residents: z
          .array(
            z.object({
              key: z.string().regex(/^\d{6}-\d{1,18}$/),
              present: z.boolean(),
              left: z.enum(['moved_out', 'deceased']).optional(),
              temperatureC: z.number().min(30).max(45).optional(),
              symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).optional(),
              travel: z.array(travelStay).max(20).optional(),
              contacts: z
                .array(z.object({ kind: z.enum(CONTACT_KINDS), date: day }))
                .max(20)
                .optional(),
            }),
          )
          .max(30)
          .optional(),
        newResidents: z.array(residentForm).max(10).optional(),
        notes: z.string().max(500).optional(),
      }),
    },
    config: {
      access: {
        permission: 'screening.visit',
        resource: {
          kind: 'campaign',
          in: 'body',
          key: 'campaignId',
          example: () => ({
            clientId: crypto.randomUUID(),
            householdKey: '$household',
            outcome: 'nobody_home',
          }),
        },
      },
    },
    handler: (req) => screening.recordVisit(services, actorOf(req), req.body),
  });
}
