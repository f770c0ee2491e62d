import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translate } from '../../../domain/i18n/messages';
import { isLedgerField, type LedgerField } from '../../../domain/ledger/sheet';
import { actorOf } from '../../platform/access';
import { AppError, notFound } from '../../platform/errors';
import { attachment } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { asBuffer } from '../../sheets/worker/pool';
import { inSheetWorker } from '../../sheets/worker/sheetJobs';
import { unitInScope } from '../org/service';
import { checkSheet, type ImportProgress, importLedger, PROGRESS_STEPS, type ProgressStep } from './importer';
import { forgetMapping, listMappings, rememberedFor, rememberMapping } from './importMappings';
import { previewOf } from './importPreview';
import { progressOf, trackProgress } from './importProgress';

// Excel in (导入台账): the sheet is the request body, as it is on the user's disk; nothing of it is kept on
// the server (the browser sends it again for each step: preview, import, error sheet).

const tags = ['ledger import'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_BYTES = 60 * 1024 * 1024;

const mappingJson = z
  .string()
  .max(4000)
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    try {
      const raw = JSON.parse(s) as Record<string, unknown>;
      const out: Record<number, LedgerField | null> = {};
      for (const [k, v] of Object.entries(raw)) {
        if (!/^\d{1,3}$/.test(k) || (v !== null && !isLedgerField(v))) throw new Error(k);
        out[Number(k)] = v as LedgerField | null;
      }
      return out;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping' });
      return z.NEVER;
    }
  });

export const importQuery = z.object({
  unit: z.string().min(2).max(24),
  headerRow: z.coerce.number().int().min(0).max(200).optional(),
  mapping: mappingJson,
  sheet: z.string().max(100).optional(),
  /** 更新台账中已有的居民: rows whose ID number is already a living resident at that door update them */
  updateExisting: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** an id the browser chose (a UUID) to follow the request's steps: GET /api/ledger/import/progress/{id} */
  progress: z.uuid().optional(),
});

/**
 * Runs a step of the import with its progress kept under the request's `progress` id (importProgress.ts),
 * through `steps`, until it answers or fails.
 */
async function withProgress<T>(
  req: FastifyRequest & { query: { progress?: string } },
  steps: readonly ProgressStep[],
  work: (onProgress: (p: ImportProgress) => void) => Promise<T>,
): Promise<T> {
  const tracker = trackProgress(req.query.progress, actorOf(req).userId, steps);
  let ok = false;
  try {
    const out = await work((p) => tracker.report(p));
    ok = true;
    return out;
  } finally {
    tracker.finish(ok);
  }
}

const CHECK_STEPS = ['read', 'check', 'dedupe'] as const;

/**
 * The uploaded sheet, or a validation error naming the file (a JSON body, an empty upload) — once the
 * unit is known to be in the caller's scope (404 first: nothing is said about a unit out of scope).
 */
async function sheetOf(
  services: Services,
  req: FastifyRequest & { query: { unit: string } },
): Promise<Buffer> {
  return (await uploadOf(services, req)).data;
}

/** The uploaded sheet and the unit it goes into (see sheetOf). */
async function uploadOf(services: Services, req: FastifyRequest & { query: { unit: string } }) {
  const unit = await unitInScope(services.db, req.scope, req.query.unit, 'ledger.import');
  if (Buffer.isBuffer(req.body) && req.body.length > 0) return { unit, data: req.body };
  throw new AppError('validation', 'error.validation', { detail: 'file' }, [
    { path: 'file', message: translate(req.locale, 'error.import_unreadable') },
  ]);
}

export function importRoutes(appBase: FastifyInstance, services: Services) {
  appBase.addContentTypeParser(
    [XLSX_TYPE, 'application/octet-stream', 'text/csv'],
    { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES },
    (_req, body, done) => done(null, body),
  );
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const unitResource = { kind: 'unit' as const, in: 'query' as const, key: 'unit' };

  app.post('/api/ledger/import/preview', {
    schema: {
      tags,
      summary:
        'Read a sheet: the header row and mapping found, the first rows (masked), the check report with the import plan; writes nothing',
      querystring: importQuery,
    },
    bodyLimit: MAX_SHEET_BYTES,
    config: { access: { permission: 'ledger.import', resource: unitResource } },
    handler: async (req) => {
      const actor = actorOf(req);
      const data = await sheetOf(services, req);
      const checked = await withProgress(req, CHECK_STEPS, (onProgress) =>
        checkSheet(services, actor, {
          unitCode: req.query.unit,
          data,
          headerRow: req.query.headerRow,
          mapping: req.query.mapping,
          sheet: req.query.sheet,
          updateExisting: req.query.updateExisting,
          onProgress,
        }),
      );
      const remembered = await rememberedFor(
        services.db,
        checked.unit.id,
        checked.checked.header,
        checked.sheet.rows,
      );
      return {
        ...previewOf(actor.locale, checked, req.query.updateExisting),
        remembered: remembered ?? null,
      };
    },
  });

  app.post('/api/ledger/import', {
    schema: {
      tags,
      summary: 'Import a sheet: the valid rows, or nothing unless every row is valid; dryRun writes nothing',
      querystring: importQuery.extend({
        mode: z.enum(['valid', 'all']).default('all'),
        dryRun: z
          .enum(['0', '1', 'true', 'false'])
          .optional()
          .transform((v) => v === '1' || v === 'true'),
      }),
    },
    bodyLimit: MAX_SHEET_BYTES,
    config: { access: { permission: 'ledger.import', resource: unitResource } },
    handler: async (req) => {
      const actor = actorOf(req);
      const { unit, data } = await uploadOf(services, req);
      const steps = req.query.dryRun ? CHECK_STEPS : PROGRESS_STEPS;
      const { imported, report, checked, sheet } = await withProgress(req, steps, (onProgress) =>
        importLedger(services, actor, {
          unitCode: req.query.unit,
          data,
          mode: req.query.mode,
          dryRun: req.query.dryRun,
          headerRow: req.query.headerRow,
          mapping: req.query.mapping,
          sheet: req.query.sheet,
          updateExisting: req.query.updateExisting,
          onProgress,
        }),
      );
      // an import that wrote: its mapping is offered on the unit's next import of this header row
      if (imported && !req.query.dryRun && checked.header)
        await rememberMapping(services.db, actor, unit.id, checked.header, {
          sheetName: sheet.sheetName,
          updateExisting: req.query.updateExisting,
        });
      return { imported, report };
    },
  });

  app.get('/api/ledger/import/progress/:id', {
    schema: {
      tags,
      summary:
        'How far an import request named with `progress={id}` has come: its steps (read, check, dedupe, write), each waiting, active or done, the active one with rows (or parts) done of total; only to the user who sent it (404 to anyone else, and for an id not known)',
      params: z.object({ id: z.uuid() }),
    },
    config: { access: { permission: 'ledger.import' } },
    handler: async (req) => {
      const answer = progressOf(req.params.id, actorOf(req).userId);
      if (!answer) throw notFound();
      return answer;
    },
  });

  app.get('/api/ledger/import/mappings', {
    schema: {
      tags,
      summary:
        "The column mappings the unit's imports used (per header row, the last used first): the one for a sheet's header row is offered by the preview as `remembered`",
      querystring: z.object({ unit: z.string().min(2).max(24) }),
    },
    config: { access: { permission: 'ledger.import', resource: unitResource } },
    handler: async (req) => ({ items: await listMappings(services, actorOf(req), req.query.unit) }),
  });

  app.delete('/api/ledger/import/mappings', {
    schema: {
      tags,
      summary:
        'Forget one of the column mappings the unit remembers (204 also when the unit has no such mapping: nothing of another unit is touched)',
      querystring: z.object({ unit: z.string().min(2).max(24), id: z.string().regex(/^\d{1,18}$/) }),
    },
    config: {
      access: {
        permission: 'ledger.import',
        resource: { ...unitResource, example: () => ({ id: '1' }) },
      },
    },
    handler: async (req, reply) => {
      await forgetMapping(services, actorOf(req), req.query.unit, req.query.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/ledger/import/errors', {
    schema: {
      tags,
      summary:
        'The sheet given back with an error column (错误原因) on every rejected row, to fix and import again',
      querystring: importQuery,
    },
    bodyLimit: MAX_SHEET_BYTES,
    config: { access: { permission: 'ledger.import', resource: unitResource } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const data = await sheetOf(services, req);
      const c = await withProgress(req, CHECK_STEPS, (onProgress) =>
        checkSheet(services, actor, {
          unitCode: req.query.unit,
          data,
          headerRow: req.query.headerRow,
          mapping: req.query.mapping,
          sheet: req.query.sheet,
          updateExisting: req.query.updateExisting,
          onProgress,
        }),
      );
      const out = await inSheetWorker(
        'errorSheet',
        data,
        c.sheet.sheetName,
        c.errors,
        actor.locale,
        c.checked.header?.rowIndex ?? null,
      );
      const name = actor.locale === 'en' ? 'ledger-errors.xlsx' : '台账-错误标注.xlsx';
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(name, 'ledger-errors.xlsx'))
        .send(asBuffer(out));
    },
  });
}
