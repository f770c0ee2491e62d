import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FACILITY_KINDS, LOCAL_KINDS } from '../../../domain/org/units';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import * as org from './service';

// The jurisdiction tree and its facilities. Routes validate, call the service and shape the answer.

const codeParam = z.object({ code: z.string().min(2).max(24) });
const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
const name = z.string().trim().min(1).max(60);
const pageQuery = z.object({
  after: z.string().max(24).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function orgRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  app.get('/api/org/units/:code', {
    schema: { tags, summary: 'A unit of the tree, with its ancestors', params: codeParam },
    config: { access: { permission: 'org.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) => org.getUnit(services.db, req.scope, req.params.code),
  });

  app.get('/api/org/units/:code/children', {
    schema: {
      tags,
      summary: 'Children of a unit, by code (keyset pages)',
      params: codeParam,
      querystring: pageQuery,
    },
    config: { access: { permission: 'org.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) =>
      org.listChildren(services.db, req.scope, req.params.code, req.query.after, req.query.limit),
  });

  app.get('/api/org/search', {
    schema: {
      tags,
      summary: 'Search units in scope by name, pinyin initials or code',
      querystring: z.object({
        q: z.string().trim().min(1).max(40),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
    },
    config: { access: { permission: 'org.read', list: { query: { q: '410103' } } } },
    handler: (req) => org.searchUnits(services.db, req.scope, req.query.q, req.query.limit),
  });

  app.post('/api/org/units', {
    schema: {
      tags,
      summary: 'Create a grid, courtyard or building',
      body: z.object({ parentCode: z.string().min(2).max(24), kind: z.enum(LOCAL_KINDS), name }),
    },
    config: {
      access: {
        permission: 'org.write',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'parentCode',
          example: (ref) => ({ parentCode: ref, kind: 'building', name: '矩阵楼' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await org.createUnit(services, actorOf(req), req.body)),
  });

  app.patch('/api/org/units/:code', {
    schema: {
      tags,
      summary: 'Rename or move a grid, courtyard or building',
      params: codeParam,
      body: z.object({ name: name.optional(), parentCode: z.string().min(2).max(24).optional() }),
    },
    config: {
      access: {
        permission: 'org.write',
        resource: { kind: 'unit', in: 'params', key: 'code', example: () => ({ name: '改名楼' }) },
      },
    },
    handler: (req) => org.updateUnit(services, actorOf(req), req.params.code, req.body),
  });

  app.delete('/api/org/units/:code', {
    schema: { tags, summary: 'Delete an empty grid, courtyard or building', params: codeParam },
    config: { access: { permission: 'org.write', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: async (req, reply) => {
      await org.deleteUnit(services, actorOf(req), req.params.code);
      return reply.status(204).send();
    },
  });

  app.get('/api/org/units/:code/facilities', {
    schema: { tags, summary: "Facilities in a unit's subtree", params: codeParam },
    config: { access: { permission: 'org.read', resource: { kind: 'unit', in: 'params', key: 'code' } } },
    handler: (req) => org.listFacilities(services.db, req.scope, req.params.code),
  });

  const facilityBody = z.object({
    unitCode: z.string().min(2).max(24),
    kind: z.enum(FACILITY_KINDS),
    name,
    address: z.string().trim().max(200).nullish(),
  });

  app.post('/api/org/facilities', {
    schema: { tags, summary: 'Attach a facility to a unit', body: facilityBody },
    config: {
      access: {
        permission: 'facility.write',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, kind: 'checkpoint', name: '矩阵卡点' }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await org.createFacility(services, actorOf(req), req.body)),
  });

  app.patch('/api/org/facilities/:id', {
    schema: {
      tags,
      summary: 'Change a facility',
      params: idParam,
      body: facilityBody.omit({ unitCode: true }).partial(),
    },
    config: {
      access: {
        permission: 'facility.write',
        resource: { kind: 'facility', in: 'params', key: 'id', example: () => ({ name: '改名卡点' }) },
      },
    },
    handler: (req) => org.updateFacility(services, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/org/facilities/:id', {
    schema: { tags, summary: 'Remove a facility', params: idParam },
    config: {
      access: { permission: 'facility.write', resource: { kind: 'facility', in: 'params', key: 'id' } },
    },
    handler: async (req, reply) => {
      await org.deleteFacility(services, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
