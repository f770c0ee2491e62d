import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERSON_STANDINGS, personInput } from '../../../domain/forces/person';
import { SKILLS } from '../../../domain/forces/schedule';
import { translate } from '../../../domain/i18n/messages';
import { actorOf } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { attachment } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { dbId, idParam } from './duty/schemas';
import * as people from './people';
import { buildPeopleTemplate, exportPeople, importPeople, peopleErrorSheet } from './peopleExcel';

// The registry of people who serve: list, register, detail, change, leave, reveal, training, links to the
// ledger and to a user, records (入党申请书, 表彰, 两个名单), and Excel in and out.

const tags = ['forces'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_BYTES = 10 * 1024 * 1024;
const unitCode = z.string().min(2).max(24);
const day = z.iso.date();
const personResource = { kind: 'person' as const, in: 'params' as const, key: 'id' };

const listFilter = z.object({
  unit: unitCode.optional(),
  standing: z.enum(PERSON_STANDINGS).optional(),
  skill: z.enum(SKILLS).optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  q: z.string().trim().max(40).optional(),
});

export function peopleRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/forces/people', {
    schema: {
      tags,
      summary: 'People who serve, in scope (masked), filtered, keyset pages',
      querystring: listFilter.extend({
        after: z.string().max(240).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    config: { access: { permission: 'forces.read', list: {} } },
    handler: (req) => people.listPeople(services, req.scope, req.query),
  });

  app.post('/api/forces/people', {
    schema: { tags, summary: 'Register a person (cadre, party member, volunteer)', body: personInput },
    config: {
      access: {
        permission: 'forces.manage',
        resource: {
          kind: 'unit',
          in: 'body',
          key: 'unitCode',
          example: (ref) => ({ unitCode: ref, name: '矩阵志愿者', isVolunteer: true }),
        },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await people.createPerson(services, actorOf(req), req.body)),
  });

  app.get('/api/forces/people/template.xlsx', {
    schema: { tags, summary: 'The people list template (Chinese or English headers)' },
    config: { access: { permission: 'forces.manage' } },
    handler: async (req, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(
            req.locale === 'en' ? 'people-template.xlsx' : '人员名册模板.xlsx',
            'people-template.xlsx',
          ),
        )
        .send(await buildPeopleTemplate(req.locale)),
  });

  app.post('/api/forces/people/import', {
    schema: {
      tags,
      summary: 'Import a people sheet (xlsx as the body): every row, or nothing; errors name row and column',
      querystring: z.object({ unit: unitCode }),
    },
    bodyLimit: MAX_SHEET_BYTES,
    config: { access: { permission: 'forces.manage', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: async (req) => {
      const actor = actorOf(req);
      const data = Buffer.isBuffer(req.body) ? req.body : undefined;
      if (!data?.length) {
        // the unit is checked first: nothing is said about a unit out of scope
        await people.filterOf(services, req.scope, { unit: req.query.unit });
        throw new AppError('validation', 'error.validation', { detail: 'file' }, [
          { path: 'file', message: translate(req.locale, 'error.import_not_xlsx') },
        ]);
      }
      return importPeople(services, actor, { unitCode: req.query.unit, data });
    },
  });

  app.post('/api/forces/people/import/errors', {
    schema: {
      tags,
      summary: 'The error sheet of a people sheet (xlsx as the body): the sheet with a 错误原因 column',
      querystring: z.object({ unit: unitCode }),
    },
    bodyLimit: MAX_SHEET_BYTES,
    config: { access: { permission: 'forces.manage', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const data = Buffer.isBuffer(req.body) ? req.body : undefined;
      if (!data?.length) {
        await people.filterOf(services, req.scope, { unit: req.query.unit });
        throw new AppError('validation', 'error.validation', { detail: 'file' }, [
          { path: 'file', message: translate(req.locale, 'error.import_not_xlsx') },
        ]);
      }
      const out = await peopleErrorSheet(services, actor, { unitCode: req.query.unit, data });
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(
            req.locale === 'en' ? 'people-errors.xlsx' : '人员名册-错误标注.xlsx',
            'people-errors.xlsx',
          ),
        )
        .send(out);
    },
  });

  app.get('/api/forces/people/export.xlsx', {
    schema: {
      tags,
      summary: 'The filtered list as xlsx, masked (audited as an export)',
      querystring: listFilter.extend({ unit: unitCode }),
    },
    config: { access: { permission: 'data.export', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: async (req, reply) => {
      const { name, asciiName, data } = await exportPeople(services, actorOf(req), req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(name, asciiName))
        .send(data);
    },
  });

  app.get('/api/forces/people/:id', {
    schema: {
      tags,
      summary: 'A person: trainings, records, groups, 包保, duty hours (masked)',
      params: idParam,
    },
    config: { access: { permission: 'forces.read', resource: personResource } },
    handler: (req) => people.getPerson(services, req.scope, req.params.id),
  });

  app.patch('/api/forces/people/:id', {
    schema: { tags, summary: "Change a person's details", params: idParam, body: personInput.partial() },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...personResource, example: () => ({ notes: '矩阵备注' }) },
      },
    },
    handler: (req) => people.updatePerson(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/people/:id/leave', {
    schema: {
      tags,
      summary: 'The person leaves (kept, status left); memberships and 包保 end that day',
      params: idParam,
      body: z.object({ on: day.optional() }),
    },
    config: { access: { permission: 'forces.manage', resource: { ...personResource, example: () => ({}) } } },
    handler: (req) => people.leavePerson(services, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/forces/people/:id/reveal', {
    schema: {
      tags,
      summary: "A person's full phone or ID number (needs pii.reveal; audited)",
      params: idParam,
      body: z.object({ field: z.enum(['phone', 'idNumber']) }),
    },
    config: {
      access: {
        permission: 'pii.reveal',
        resource: { ...personResource, example: () => ({ field: 'phone' }) },
      },
    },
    handler: (req) => people.revealPerson(services, actorOf(req), req.params.id, req.body.field),
  });

  app.post('/api/forces/people/:id/trainings', {
    schema: {
      tags,
      summary: 'Training passed (上岗培训), signed off by the caller',
      params: idParam,
      body: z.object({ training: z.string().trim().min(1).max(100), passedOn: day.optional() }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...personResource, example: () => ({ training: '卡点上岗培训' }) },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await people.addTraining(services, actorOf(req), req.params.id, req.body)),
  });

  app.post('/api/forces/people/:id/link-resident', {
    schema: {
      tags,
      summary: "Match the person to the ledger's resident with the same ID number",
      params: idParam,
    },
    config: { access: { permission: 'forces.manage', resource: { ...personResource, example: () => ({}) } } },
    handler: (req) => people.linkResident(services, actorOf(req), req.params.id),
  });

  app.post('/api/forces/people/:id/link-user', {
    schema: {
      tags,
      summary: 'Link the person to the user they log in as (null unlinks)',
      params: idParam,
      body: z.object({
        userId: dbId.nullable(),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...personResource, example: () => ({ userId: null }) },
      },
    },
    handler: (req) => people.linkUser(services, actorOf(req), req.params.id, req.body.userId),
  });

  app.post('/api/forces/people/:id/records', {
    schema: {
      tags,
      summary: '入党申请书, 表彰, or a proposal for the two lists (evidence: duty hours, shifts, tasks)',
      params: idParam,
      body: z.object({
        kind: z.enum(['party_application', 'commendation', 'outstanding', 'underperforming']),
        onDate: day.optional(),
        title: z.string().trim().min(1).max(200),
        tasks: z.array(z.string().max(200)).max(20).optional(),
        note: z.string().max(1000).optional(),
      }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...personResource, example: () => ({ kind: 'party_application', title: '入党申请书' }) },
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await people.addRecord(services, actorOf(req), req.params.id, req.body)),
  });

  app.post('/api/forces/people/:id/records/decide', {
    schema: {
      tags,
      summary: 'Approve or reject a proposed record (who and when kept)',
      params: idParam,
      body: z.object({ recordId: z.string().max(20), decision: z.enum(['approved', 'rejected']) }),
    },
    config: {
      access: {
        permission: 'forces.manage',
        resource: { ...personResource, example: () => ({ recordId: '0', decision: 'approved' }) },
      },
    },
    handler: (req) => people.decideRecord(services, actorOf(req), req.params.id, req.body),
  });
}
