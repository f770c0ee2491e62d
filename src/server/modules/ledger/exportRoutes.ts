import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUSEHOLD_COLOURS } from '../../../domain/ledger/colours';
import { MARKERS } from '../../../domain/ledger/markers';
import { actorOf } from '../../platform/access';
import { attachment } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { buildTemplate } from './excel/template';
import { prepareExport } from './exporter';
import { XLSX_TYPE } from './importRoutes';
import { ledgerDay } from './policy';

// Excel out: the ledger template to fill in, and any filtered view of the ledger as an .xlsx.

const tags = ['ledger import'];
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).optional());

export function exportRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/ledger/template.xlsx', {
    schema: { tags, summary: 'The ledger template: header, text columns, dropdowns, how to fill it in' },
    config: { access: { permission: 'ledger.import' } },
    handler: async (req, reply) => {
      const name = req.locale === 'en' ? 'ledger-template.xlsx' : '入户台账模板.xlsx';
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(name, 'ledger-template.xlsx'))
        .send(
          await buildTemplate(req.locale, { homeAreaCode: (await ledgerDay(services)).policy.homeAreaCode }),
        );
    },
  });

  app.get('/api/ledger/export.xlsx', {
    schema: {
      tags,
      summary:
        'The ledger of a subtree, filtered, as xlsx named by unit, filter and day: masked, or full with pii.reveal (audited)',
      querystring: z.object({
        unit: z.string().min(2).max(24),
        colour: list(z.enum(HOUSEHOLD_COLOURS)),
        marker: list(z.enum(MARKERS)),
        campaign: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional(),
        campaignStatus: z.enum(['pending', 'visited', 'revisit']).optional(),
        q: z.string().trim().max(40).optional(),
        full: z
          .enum(['0', '1', 'true', 'false'])
          .optional()
          .transform((v) => v === '1' || v === 'true'),
      }),
    },
    config: { access: { permission: 'data.export', resource: { kind: 'unit', in: 'query', key: 'unit' } } },
    handler: async (req, reply) => {
      const { names, write } = await prepareExport(services, actorOf(req), req.query);
      const out = new PassThrough();
      write(out).catch((e: Error) => out.destroy(e));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(names.fileName, names.asciiName))
        .send(out);
    },
  });
}
