import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import * as gates from './service';

// Courtyard gates (小区门岗). Routes validate, call the service, shape the answer.

const tags = ['gates'];
const id = z.string().regex(/^\d{1,18}$/);
const idParam = z.object({ id });
const unitCode = z.string().min(2).max(24);
const day = z.iso.date();
const recordKey = z.string().regex(/^\d{6}-\d{1,18}$/);
const token = z.string().trim().min(4).max(40);
const gateResource = { kind: 'gate' as const, in: 'params' as const, key: 'id' };
const rule = {
  personsPerHousehold: z.number().int().min(1).max(20),
  everyDays: z.number().int().min(1).max(30),
};

export function gatesRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/gates', {
    schema: {
      tags,
      summary: 'Gates in scope (under a unit)',
      querystring: z.object({ unit: unitCode.optional() }),
    },
    config: { access: { permission: 'gate.read', list: {} } },
    handler: (req) => gates.listGates(services, req.scope, req.query.unit),
  });

  app.get('/api/gates/counts', {
    schema: {
      tags,
      summary:
        'Gate counts at any level of the tree: people out now, the day’s outs, ins, refusals, visitors',
      querystring: z.object({ unit: unitCode, day: day.optional() }),
    },
    config: {
      access: {
        permission: 'gate.read',
        resource: { kind: 'unit', in: 'query', key: 'unit' },
      },
    },
    handler: (req) => gates.countsAt(services, req.scope, req.query.unit, req.query.day),
  });

  app.post('/api/gates', {
    schema: {
      tags,
      summary: 'Set up a gate at a community, grid or courtyard, with its rule',
      body: z.object({
        unitCode,
        name: z.string().trim().min(1).max(40),
        personsPerHousehold: rule.personsPerHousehold.optional(),
        everyDays: rule.everyDays.optional(),
      }),
    },
    config: {
      access: {
        permission: 'gate.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, name: '东门' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await gates.createGate(services, actorOf(req), req.body)),
  });

  app.get('/api/gates/:id', {
    schema: { tags, summary: 'A gate: its rule, exemptions and today’s counts', params: idParam },
    config: { access: { permission: 'gate.read', resource: gateResource } },
    handler: (req) => gates.getGate(services, req.scope, req.params.id),
  });

  app.put('/api/gates/:id/rule', {
    schema: {
      tags,
      summary: 'The gate’s rule: persons per household every N days',
      params: idParam,
      body: z.object(rule),
    },
    config: {
      access: {
        permission: 'gate.manage',
        resource: { ...gateResource, example: () => ({ personsPerHousehold: 1, everyDays: 2 }) },
      },
    },
    handler: (req) => gates.setRule(services, actorOf(req), req.params.id, req.body),
  });

  app.get('/api/gates/:id/passes', {
    schema: {
      tags,
      summary: 'The passes of a gate (a building’s for its printed sheet), with their QR tokens',
      params: idParam,
      querystring: z.object({ building: z.string().max(60).optional() }),
    },
    config: { access: { permission: 'gate.read', resource: gateResource } },
    handler: (req) => gates.listPasses(services, req.scope, req.params.id, req.query.building),
  });

  app.post('/api/gates/:id/passes', {
    schema: {
      tags,
      summary: 'Issue a pass to every household under the gate that has none',
      params: idParam,
    },
    config: { access: { permission: 'gate.manage', resource: gateResource } },
    handler: (req) => gates.issuePasses(services, actorOf(req), req.params.id),
  });

  app.get('/api/gates/:id/household', {
    schema: {
      tags,
      summary: 'A household at the gate (by its pass token or key): residents, who is out, who may go out',
      params: idParam,
      querystring: z.object({ token: token.optional(), householdKey: recordKey.optional() }),
    },
    config: { access: { permission: 'gate.scan', resource: gateResource } },
    handler: (req) => gates.householdAtGate(services, req.scope, req.params.id, req.query, req.locale),
  });

  app.post('/api/gates/:id/scans', {
    schema: {
      tags,
      summary:
        'A resident out or in (replay-safe by clientId); a household that used its pass is refused (409, with the reason)',
      params: idParam,
      body: z
        .object({
          clientId: z.uuid(),
          token: token.optional(),
          householdKey: recordKey.optional(),
          residentKey: recordKey,
          direction: z.enum(['out', 'in']),
        })
        .refine((b) => b.token || b.householdKey, { message: 'token or householdKey', path: ['token'] }),
    },
    config: {
      access: {
        permission: 'gate.scan',
        resource: {
          ...gateResource,
          example: () => ({
            clientId: crypto.randomUUID(),
            householdKey: '410105-1',
            residentKey: '410105-1',
            direction: 'out',
          }),
        },
      },
    },
    handler: async (req, reply) => {
      const r = await gates.scan(services, actorOf(req), req.params.id, req.body);
      return reply.status(r.status).send(r.body);
    },
  });

  app.get('/api/gates/:id/scans', {
    schema: {
      tags,
      summary: 'The day’s scans',
      params: idParam,
      querystring: z.object({ day: day.optional() }),
    },
    config: { access: { permission: 'gate.read', resource: gateResource } },
    handler: (req) => gates.dayScans(services, req.scope, req.params.id, req.query.day, req.locale),
  });

  app.get('/api/gates/:id/out', {
    schema: {
      tags,
      summary: 'Who is still out, by building: name, phone masked (reveal: the ledger’s, audited), workplace',
      params: idParam,
    },
    config: { access: { permission: 'gate.read', resource: gateResource } },
    handler: (req) => gates.whoIsOut(services, req.scope, req.params.id),
  });

  app.post('/api/gates/:id/visitors', {
    schema: {
      tags,
      summary: 'A visitor by real name, with the household visited (replay-safe by clientId)',
      params: idParam,
      body: z.object({
        clientId: z.uuid(),
        householdKey: recordKey,
        name: z.string().trim().min(1).max(50),
        idNumber: z.string().trim().max(40).optional(),
        phone: z.string().trim().max(40).optional(),
        temperatureC: z.number().min(30).max(45).optional(),
        reason: z.string().max(100).optional(),
      }),
    },
    config: {
      access: {
        permission: 'gate.scan',
        resource: {
          ...gateResource,
          example: () => ({
            clientId: crypto.randomUUID(),
            householdKey: '410105-1',
            name: '访客',
            phone: '13800138000',
          }),
        },
      },
    },
    handler: async (req, reply) => {
      const r = await gates.registerVisitor(services, actorOf(req), req.params.id, req.body);
      return reply.status(r.status).send(r.body);
    },
  });

  app.get('/api/gates/:id/visitors', {
    schema: {
      tags,
      summary: 'The day’s visitors',
      params: idParam,
      querystring: z.object({ day: day.optional() }),
    },
    config: { access: { permission: 'gate.read', resource: gateResource } },
    handler: (req) => gates.dayVisitors(services, req.scope, req.params.id, req.query.day),
  });

  app.post('/api/gates/:id/exemptions', {
    schema: {
      tags,
      summary: 'An exemption from the rule (a 复工 work certificate: out daily)',
      params: idParam,
      body: z.object({
        residentKey: recordKey,
        kind: z.enum(['work_certificate', 'other']).default('work_certificate'),
        note: z.string().max(100).optional(),
        until: day.nullish(),
      }),
    },
    config: {
      access: {
        permission: 'gate.manage',
        resource: { ...gateResource, example: () => ({ residentKey: '410105-1', kind: 'work_certificate' }) },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await gates.addExemption(services, actorOf(req), req.params.id, req.body)),
  });

  app.delete('/api/gates/:id/exemptions/:exemptionId', {
    schema: { tags, summary: 'Revoke an exemption', params: z.object({ id, exemptionId: id }) },
    config: { access: { permission: 'gate.manage' } },
    handler: (req) => gates.revokeExemption(services, actorOf(req), req.params.id, req.params.exemptionId),
  });
}
