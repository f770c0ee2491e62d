import { readFile } from 'node:fs/promises';
import type { Locale } from '../domain/i18n/messages';
import { type ImportMode, importLedger } from '../server/modules/ledger/importer';
import type { Services } from '../server/platform/services';
import { cliActor } from './cliActor';

// `wangge import ledger FILE.xlsx --unit CODE [--dry-run] [--update-existing] [--json]`: the web's importer,
// from a shell.

export interface ImportLedgerOptions {
  unit: string;
  dryRun?: boolean;
  json?: boolean;
  mode?: ImportMode;
  /** update residents already in the ledger (same ID number, same door) */
  updateExisting?: boolean;
  lang?: Locale;
}

/** Runs the import and prints the report; returns the exit code (0 imported or dry run clean, 1 rejected rows). */
export async function importLedgerFile(
  services: Services,
  file: string,
  opts: ImportLedgerOptions,
): Promise<number> {
  const actor = await cliActor(services, opts.unit, opts.lang ?? 'zh-CN');
  const data = await readFile(file);
  const started = Date.now();
  const { imported, report } = await importLedger(services, actor, {
    unitCode: opts.unit,
    data,
    mode: opts.mode ?? 'valid',
    dryRun: opts.dryRun,
    updateExisting: opts.updateExisting,
  });
  if (opts.json) {
    console.log(JSON.stringify({ imported, ...report }));
  } else {
    const en = actor.locale === 'en';
    console.log(
      en
        ? `${file}: ${report.rows} rows, ${report.accepted} accepted, ${report.skipped} skipped, ${report.rejected.length} problems; ${report.households} households (${report.emptyHouseholds} empty), ${report.residents} residents`
        : `${file}：共 ${report.rows} 行，通过 ${report.accepted} 行，跳过 ${report.skipped} 行，问题 ${report.rejected.length} 处；${report.households} 户（空户 ${report.emptyHouseholds}），${report.residents} 人`,
    );
    for (const r of report.rejected) {
      console.log(
        en
          ? `  row ${r.row ?? '-'} ${r.column ?? ''}: ${r.message}`
          : `  第 ${r.row ?? '-'} 行 ${r.column ?? ''}：${r.message}`,
      );
    }
    const p = report.plan.counts;
    console.log(
      en
        ? `plan: ${p.new} rows new, ${p.joins} join a household already in the ledger, ${p.updates} update a resident, ${p.unchanged} unchanged`
        : `计划：新增 ${p.new} 行，加入已有住户 ${p.joins} 行，更新已有居民 ${p.updates} 行，无变化 ${p.unchanged} 行`,
    );
    const c = report.created;
    console.log(
      imported && c
        ? en
          ? `imported: ${c.households} new households, ${c.residents} residents, ${c.buildings} new buildings, ${c.updated} residents updated (${Date.now() - started} ms)`
          : `已导入：新增 ${c.households} 户、${c.residents} 人、${c.buildings} 栋楼，更新居民 ${c.updated} 人（${Date.now() - started} ms）`
        : opts.dryRun
          ? en
            ? 'dry run: nothing written'
            : '试运行：未写入任何数据'
          : en
            ? 'nothing imported'
            : '未导入任何数据',
    );
  }
  return report.rejected.length > 0 && !imported ? 1 : 0;
}
