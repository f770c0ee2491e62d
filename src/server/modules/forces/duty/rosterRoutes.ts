import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PATTERN_PRESETS } from '../../../../domain/forces/shiftPatterns';
import { actorOf, currentUser } from '../../../platform/access';
import { platformNow } from '../../../platform/clock';
import { attachment } from '../../../platform/exportFiles';
import type { Services } from '../../../platform/services';
import { checkIn, checkOut, myDuty } from './checkin';
import { dutyAlerts, dutyHours } from './hours';
import { getPattern, presets, putPattern } from './patterns';
import {
  addAssignment,
  autoScheduleRange,
  facilityRoster,
  generateShifts,
  publishRange,
  removeAssignment,
  rosterOverview,
  shiftCandidates,
  swapAssignment,
} from './roster';
import { prepareHoursExport, prepareRosterExport } from './rosterExcel';
import {
  day,
  dbId,
  idParam,
  patternSchema,
  qualification,
  rulesSchema,
  targetRange,
  unitCode,
} from './schemas';

// Shift patterns, the roster (generate, auto-schedule, publish, view, change by hand), hours and alerts,
// exports; and a person's own duty on the phone (/api/duty: their shifts, check-in and check-out).

const tags = ['forces: rosters'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FAR = '2031-01-06'; // a Monday well ahead: the access matrix's requests never touch a running shift

const rangeQuery = z.object({ from: day, to: day });

export function rosterRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const now = () => platformNow(services.config).getTime();

  app.get('/api/forces/patterns/presets', {
    schema: { tags, summary: 'The shift pattern presets: 两班, 三班倒, 四班运转' },
    config: { access: { permission: 'forces.read', list: {} } },
    handler: (req) => ({ items: presets(req.locale) }),
  });

  app.get('/api/forces/facilities/:id/pattern', {
    schema: { tags, summary: "A facility's shift pattern", params: idParam },
    config: {
      access: { permission: 'forces.read', resource: { kind: 'facility', in: 'params', key: 'id' } },
    },
    handler: (req) => getPattern(services, actorOf(req), req.params.id),
  });

  app.put('/api/forces/facilities/:id/pattern', {
    schema: {
      tags,
      summary: "Set a facility's shift pattern (errors name shifts.N.field)",
      params: idParam,
      body: patternSchema,
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'facility',
          in: 'params',
          key: 'id',
          example: () => ({ ...PATTERN_PRESETS.three_shifts }),
        },
      },
    },
    handler: (req) => putPattern(services, actorOf(req), req.params.id, req.body),
  });

  const targetExample = (ref: string) => ({ unitCode: ref, from: FAR, to: FAR });

  app.post('/api/forces/roster/generate', {
    schema: {
      tags,
      summary:
        'Generate the shifts of facilities (by id, a unit subtree or a call-up) for a range from their patterns; idempotent',
      body: targetRange,
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'unit', in: 'body', key: 'unitCode', example: targetExample },
      },
    },
    handler: (req) => generateShifts(services, actorOf(req), { ...req.body, now: now() }),
  });

  app.post('/api/forces/roster/auto', {
    schema: {
      tags,
      summary:
        'Auto-schedule a range: fill the shifts from availability and qualifications; explains what stays empty',
      body: targetRange.extend({ rules: rulesSchema }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'unit', in: 'body', key: 'unitCode', example: targetExample },
      },
    },
    handler: (req) => autoScheduleRange(services, actorOf(req), { ...req.body, now: now() }),
  });

  app.post('/api/forces/roster/publish', {
    schema: {
      tags,
      summary: 'Publish the shifts of a range: people see them on their phones',
      body: targetRange,
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'unit', in: 'body', key: 'unitCode', example: targetExample },
      },
    },
    handler: (req) => publishRange(services, actorOf(req), req.body),
  });

  app.get('/api/forces/roster', {
    schema: {
      tags,
      summary:
        "A facility's roster for a range: shifts with the people on each, their attendance (absent, late by minutes, present, checked out) and staffing (full only by who is there) on the duty clock",
      querystring: rangeQuery.extend({ facilityId: dbId }),
    },
    config: {
      access: {
        permission: 'forces.read',
        resource: {
          kind: 'facility',
          in: 'query',
          key: 'facilityId',
          example: () => ({ from: FAR, to: FAR }),
        },
      },
    },
    handler: (req) => facilityRoster(services, actorOf(req), req.query, now()),
  });

  app.get('/api/forces/roster/overview', {
    schema: {
      tags,
      summary: "The facilities of a unit's subtree with their shifts counted per day",
      querystring: rangeQuery.extend({ unitCode }),
    },
    config: {
      access: {
        permission: 'forces.read',
        resource: { kind: 'unit', in: 'query', key: 'unitCode', example: () => ({ from: FAR, to: FAR }) },
      },
    },
    handler: (req) => rosterOverview(services, actorOf(req), req.query),
  });

  app.get('/api/forces/shifts/:id/candidates', {
    schema: {
      tags,
      summary: 'People who could take a place on a shift (in reach, free, rested, under the weekly hours)',
      params: idParam,
      querystring: z.object({
        q: z.string().trim().max(30).optional(),
        qualification: qualification.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
    },
    config: { access: { permission: 'forces.manage', resource: { kind: 'shift', in: 'params', key: 'id' } } },
    handler: (req) =>
      shiftCandidates(services, actorOf(req), req.params.id, {
        ...req.query,
        qualification: req.query.qualification ?? null,
      }),
  });

  app.post('/api/forces/shifts/:id/assignments', {
    schema: {
      tags,
      summary: 'Put a person on a shift by hand (the scheduler’s rules apply; a conflict is named)',
      params: idParam,
      body: z.object({ personId: dbId, qualification: qualification.nullish(), rules: rulesSchema }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'shift', in: 'params', key: 'id', example: () => ({ personId: '1' }) },
      },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          await addAssignment(
            services,
            actorOf(req),
            req.params.id,
            { ...req.body, qualification: req.body.qualification ?? null },
            now(),
          ),
        ),
  });

  app.post('/api/forces/assignments/:id/swap', {
    schema: {
      tags,
      summary: 'Swap: another person takes this place (the scheduler’s rules apply; a conflict is named)',
      params: idParam,
      body: z.object({ personId: dbId, rules: rulesSchema }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { kind: 'assignment', in: 'params', key: 'id', example: () => ({ personId: '1' }) },
      },
    },
    handler: (req) => swapAssignment(services, actorOf(req), req.params.id, req.body, now()),
  });

  app.delete('/api/forces/assignments/:id', {
    schema: { tags, summary: 'Take a person off a shift (kept in the shift’s history)', params: idParam },
    config: {
      access: { permission: 'forces.manage', resource: { kind: 'assignment', in: 'params', key: 'id' } },
    },
    handler: async (req, reply) => {
      await removeAssignment(services, actorOf(req), req.params.id, now());
      return reply.status(204).send();
    },
  });

  const hoursQuery = rangeQuery.extend({
    unitCode,
    facilityId: dbId.optional(),
    by: z.enum(['person', 'team', 'facility']).default('person'),
  });

  app.get('/api/forces/duty/hours', {
    schema: {
      tags,
      summary: 'Hours on duty per person, team or facility for a range',
      querystring: hoursQuery,
    },
    config: {
      access: {
        permission: 'forces.read',
        resource: { kind: 'unit', in: 'query', key: 'unitCode', example: () => ({ from: FAR, to: FAR }) },
      },
    },
    handler: (req) => dutyHours(services, actorOf(req), req.query, now()),
  });

  app.get('/api/forces/duty/alerts', {
    schema: {
      tags,
      summary: "Missed and understaffed shifts of a unit's subtree (default: the last 7 days to tomorrow)",
      querystring: z.object({ unitCode, from: day.optional(), to: day.optional() }),
    },
    config: {
      access: { permission: 'forces.read', resource: { kind: 'unit', in: 'query', key: 'unitCode' } },
    },
    handler: (req) => dutyAlerts(services, actorOf(req), req.query, now()),
  });

  app.get('/api/forces/roster/export.xlsx', {
    schema: {
      tags,
      summary: 'The roster of a unit subtree or a facility as xlsx (audited)',
      querystring: rangeQuery.extend({ unitCode, facilityId: dbId.optional() }),
    },
    config: {
      access: {
        permission: 'data.export',
        resource: { kind: 'unit', in: 'query', key: 'unitCode', example: () => ({ from: FAR, to: FAR }) },
      },
    },
    handler: async (req, reply) => {
      const { write, fileName, asciiName } = await prepareRosterExport(services, actorOf(req), req.query);
      const out = new PassThrough();
      write(out).catch((e: Error) => out.destroy(e));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(fileName, asciiName))
        .send(out);
    },
  });

  app.get('/api/forces/duty/hours/export.xlsx', {
    schema: {
      tags,
      summary: 'Hours per person, team or facility as xlsx (audited)',
      querystring: hoursQuery,
    },
    config: {
      access: {
        permission: 'data.export',
        resource: { kind: 'unit', in: 'query', key: 'unitCode', example: () => ({ from: FAR, to: FAR }) },
      },
    },
    handler: async (req, reply) => {
      const { write, fileName, asciiName } = await prepareHoursExport(
        services,
        actorOf(req),
        req.query,
        now(),
      );
      const out = new PassThrough();
      write(out).catch((e: Error) => out.destroy(e));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(fileName, asciiName))
        .send(out);
    },
  });

  // ---- the caller's own duty (any signed-in user; only their own person, else 404)

  app.get('/api/duty/mine', {
    schema: { tags: ['duty'], summary: 'My published shifts, today and the next 7 days, and my hours' },
    config: { access: { list: {} } },
    handler: (req) => myDuty(services, currentUser(req).id, now()),
  });

  const checkBody = z.object({ clientId: z.uuid() });

  app.post('/api/duty/assignments/:id/check-in', {
    schema: {
      tags: ['duty'],
      summary: 'Check in on my shift (from 30 minutes before its start to its end)',
      params: idParam,
      body: checkBody,
    },
    config: { access: {} },
    handler: (req) =>
      checkIn(services, req.locale, currentUser(req).id, req.params.id, req.body.clientId, now()),
  });

  app.post('/api/duty/assignments/:id/check-out', {
    schema: { tags: ['duty'], summary: 'Check out of my shift', params: idParam, body: checkBody },
    config: { access: {} },
    handler: (req) =>
      checkOut(services, req.locale, currentUser(req).id, req.params.id, req.body.clientId, now()),
  });
}
