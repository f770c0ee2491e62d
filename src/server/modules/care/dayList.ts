import type { Writable } from 'node:stream';
import { type RawBuilder, sql } from 'kysely';
import { DayList, helpText, lineText } from '../../../domain/care/consolidate';
import { asciiFileName, exportFileName } from '../../../domain/exports/fileNames';
import { type Locale, translate } from '../../../domain/i18n/messages';
import { recordKey } from '../../../domain/ledger/household';
import { isIsoDate } from '../../../domain/ledger/keyAreas';
import { shanghaiDay } from '../../../domain/time/shanghai';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { createLedgerExport } from '../../sheets/exportSheet';
import { unitInScope, unitsAtPaths } from '../org/service';
import * as q from './queries';

// 每日米面油清单 — the day's list per community: the requests of a day (not cancelled) added up, what, how
// much, for how many households, as the office prints it for the supermarket or the donor; as JSON for
// the desk and as xlsx through the one sheet layer (audited). Read page by page: memory holds the lines
// and the households of the communities, never the requests.

const PAGE = 2000;
/** requests of a day a list reads at most (a city's day of a lockdown is far below it) */
export const MAX_DAY_REQUESTS = 200_000;

async function build(services: Services, conds: RawBuilder<boolean>[]) {
  const where = sql.join(conds, sql` AND `) as RawBuilder<boolean>;
  const total = new DayList();
  const byCommunity = new Map<string, DayList>();
  let after: { community: string; region: string; id: string } | undefined;
  let read = 0;
  for (;;) {
    const rows = await q.dayListPage(services.db, where, after, PAGE);
    for (const r of rows) {
      const request = { household: recordKey(r.region_code, r.household_id), items: r.items, help: r.help };
      total.add(request);
      let list = byCommunity.get(r.community_path);
      if (!list) {
        list = new DayList();
        byCommunity.set(r.community_path, list);
      }
      list.add(request);
    }
    read += rows.length;
    if (rows.length < PAGE || read >= MAX_DAY_REQUESTS) break;
    const last = rows[rows.length - 1];
    after = { community: last.community_path, region: last.region_code, id: last.id };
  }
  const units = new Map((await unitsAtPaths(services.db, [...byCommunity.keys()])).map((u) => [u.path, u]));
  const shown = (l: DayList) => ({
    requests: l.requests,
    households: l.households,
    lines: l.lines(),
    help: l.help(),
  });
  return {
    ...shown(total),
    communities: [...byCommunity.entries()].map(([path, l]) => ({
      code: units.get(path)?.code ?? null,
      name: units.get(path)?.name ?? '',
      ...shown(l),
    })),
  };
}

async function placeAndDay(services: Services, actor: Actor, query: { unit: string; day?: string }) {
  const unit = await unitInScope(services.db, actor.scope, query.unit, 'care.read');
  const day = query.day ?? shanghaiDay(platformNow(services.config).getTime());
  if (!isIsoDate(day))
    throw new AppError('validation', 'error.validation', { detail: 'day' }, [
      { path: 'day', message: translate(actor.locale, 'field.invalid') },
    ]);
  return { unit, day };
}

/** The day's list of a unit (its communities within the caller's scope). */
export async function dayList(services: Services, actor: Actor, query: { unit: string; day?: string }) {
  const { unit, day } = await placeAndDay(services, actor, query);
  const list = await build(services, [
    actor.scope.where('r.unit_path', 'care.read'),
    inSubtree('r.unit_path', unit.path),
    sql<boolean>`r.day = ${day}`,
  ]);
  return { day, unit: { code: unit.code, name: unit.name }, ...list };
}

const HEADERS: Record<string, Record<Locale, string>> = {
  community: { 'zh-CN': '社区', en: 'Community' },
  what: { 'zh-CN': '物品', en: 'Item' },
  quantity: { 'zh-CN': '数量', en: 'Quantity' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  households: { 'zh-CN': '户数', en: 'Households' },
};
const TOTAL: Record<Locale, string> = { 'zh-CN': '合计', en: 'Total' };

/**
 * The day's list as xlsx (data.export; the rows also under care.read): one row per community and line,
 * the help asked for after the goods, then the totals when there are several communities. Audited.
 */
export async function prepareDayListExport(
  services: Services,
  actor: Actor,
  query: { unit: string; day?: string },
) {
  const { unit, day } = await placeAndDay(services, actor, query);
  actor.scope.check('data.export', unit.path);
  const list = await build(services, [
    actor.scope.where('r.unit_path', 'care.read'),
    actor.scope.where('r.unit_path', 'data.export'),
    inSubtree('r.unit_path', unit.path),
    sql<boolean>`r.day = ${day}`,
  ]);
  const title = translate(actor.locale, 'care.export_title', { place: unit.name });
  await auditAs(services.db, actor, 'data.exported', {
    unitPath: unit.path,
    target: `care:day-list:${unit.code}`,
    detail: { day, requests: list.requests },
  });
  const locale = actor.locale;
  return {
    fileName: exportFileName([title, day]),
    asciiName: asciiFileName(['care-goods', unit.code, day]),
    write: async (out: Writable) => {
      const h = (k: string) => HEADERS[k][locale];
      const sheet = createLedgerExport(out, {
        locale,
        title: `${title} ${day}`,
        sheetName: locale === 'en' ? 'Goods' : '生活物资清单',
        columns: [
          { key: 'community', header: h('community'), width: 18 },
          { key: 'what', header: h('what'), width: 24 },
          { key: 'quantity', header: h('quantity'), width: 10 },
          { key: 'unit', header: h('unit'), width: 10 },
          { key: 'households', header: h('households'), width: 10 },
        ],
      });
      const rows = (community: string, l: Pick<typeof list, 'lines' | 'help'>) => {
        for (const line of l.lines) {
          const t = lineText(line, locale);
          sheet.addRow({
            community,
            what: t.what,
            quantity: line.quantity,
            unit: t.unit,
            households: line.households,
          });
        }
        for (const help of l.help)
          sheet.addRow({ community, what: helpText(help.kind, locale), households: help.households });
      };
      for (const c of list.communities) rows(c.name, c);
      if (list.communities.length > 1) rows(TOTAL[locale], list);
      await sheet.finish();
    },
  };
}
