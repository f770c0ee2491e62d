import type { Writable } from 'node:stream';
import type { Locale } from '../../../domain/i18n/messages';
import { colourLabel, type HouseholdColour } from '../../../domain/ledger/colours';
import { ledgerExportNames } from '../../../domain/ledger/exportNames';
import { recordKey } from '../../../domain/ledger/household';
import { MARKER_INFO, type Marker } from '../../../domain/ledger/markers';
import {
  FIELD_LABELS,
  ID_TYPE_LABELS,
  type IdType,
  RELATION_LABELS,
  type Relation,
  SEX_LABELS,
} from '../../../domain/ledger/sheet';
import { remaskIdNumber } from '../../../domain/validators/idNumber';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { createLedgerExport } from '../../sheets/exportSheet';
import { unitInScope } from '../org/service';
import type { LedgerQuery } from './ledgerList';
import { ledgerDay } from './policy';
import * as q from './queries';
import { searchFilter } from './search';

// Export of any filtered view of the ledger (导出台账) to xlsx, one row per resident as offices keep it
// (an empty household is one row). Masked by default; full ID numbers and phones only with pii.reveal
// where the rows are. Every export is written to the audit log before its first byte.

/** At most this many rows in one export; the title says when the filter should be narrower. */
export const EXPORT_LIMIT = 200_000;
const PAGE = 1000;

const STATUS_LABELS: Record<string, Record<Locale, string>> = {
  present: { 'zh-CN': '在住', en: 'living here' },
  away: { 'zh-CN': '外出', en: 'away' },
  moved_out: { 'zh-CN': '已迁出', en: 'moved out' },
  deceased: { 'zh-CN': '已故', en: 'deceased' },
};

function columns(locale: Locale) {
  const f = (k: keyof typeof FIELD_LABELS) => FIELD_LABELS[k][locale];
  const en = locale === 'en';
  return [
    { key: 'building', header: f('building'), width: 12 },
    { key: 'unit', header: f('unit'), width: 6, text: true },
    { key: 'door', header: f('door'), width: 8, text: true },
    { key: 'colour', header: f('colour'), width: 16 },
    { key: 'name', header: f('name'), width: 10 },
    { key: 'sex', header: f('sex'), width: 6 },
    { key: 'birthDate', header: f('birthDate'), width: 12, text: true },
    { key: 'idType', header: f('idType'), width: 12 },
    { key: 'idNumber', header: f('idNumber'), width: 22, text: true },
    { key: 'phone', header: f('phone'), width: 16, text: true },
    { key: 'relation', header: f('relation'), width: 10 },
    { key: 'workUnit', header: f('workUnit'), width: 20 },
    { key: 'markers', header: f('markers'), width: 16 },
    { key: 'status', header: en ? 'Status' : '状态', width: 8 },
    { key: 'notes', header: f('notes'), width: 20 },
  ];
}

/**
 * Checks an export (scope, permissions) and writes its audit row; answers the unit, its names (file name
 * and title: unit, filter, the ledger's day) and `write`, which streams the workbook into `out` (an HTTP
 * response, a file).
 */
export async function prepareExport(
  services: Services,
  actor: Actor,
  query: Omit<LedgerQuery, 'after' | 'limit'> & { full: boolean },
) {
  const unit = await unitInScope(services.db, actor.scope, query.unit, 'ledger.read');
  actor.scope.check('data.export', unit.path);
  if (query.full && !actor.scope.allows('pii.reveal', unit.path))
    throw new AppError('forbidden', 'error.forbidden');
  await auditAs(services.db, actor, 'data.exported', {
    unitPath: unit.path,
    target: `ledger:${unit.code}`,
    detail: {
      full: query.full,
      colour: query.colour ?? null,
      marker: query.marker ?? null,
      q: query.q ?? null,
    },
  });
  const filter: q.LedgerFilter = {
    root: unit.path,
    colours: query.colour,
    markers: query.marker,
    search: query.q ? await searchFilter(services, unit.path, query.q, actor.locale) : undefined,
    campaign: query.campaign ? { id: query.campaign, status: query.campaignStatus } : undefined,
  };
  const { today } = await ledgerDay(services);
  const names = ledgerExportNames(
    unit,
    {
      colours: query.colour,
      markers: query.marker,
      q: query.q,
      campaign: query.campaign ? { status: query.campaignStatus } : undefined,
    },
    today,
    actor.locale,
  );
  return {
    unit,
    names,
    // the birth date in full only for who may reveal the ID numbers (else its year: issue 11)
    write: (out: Writable) =>
      writeExport(services, actor.locale, names.title, filter, query.full, out, {
        birthDates: actor.scope.allows('pii.reveal', unit.path),
      }),
  };
}

async function writeExport(
  services: Services,
  locale: Locale,
  title: string,
  filter: q.LedgerFilter,
  full: boolean,
  out: Writable,
  shown: { birthDates: boolean },
) {
  const { homeAreaCode } = (await ledgerDay(services)).policy;
  const sheet = createLedgerExport(out, { locale, title, columns: columns(locale) });
  let rows = 0;
  let after: q.LedgerCursor | undefined;
  for (;;) {
    const page = await q.listHouseholds(services.db, filter, after, PAGE);
    if (page.length === 0) break;
    const regions = new Map<string, string[]>();
    for (const h of page) regions.set(h.region_code, [...(regions.get(h.region_code) ?? []), h.id]);
    const residents = new Map<string, q.ResidentRow[]>();
    const sealed = new Map<string, { id_enc: Buffer | null; phone_enc: Buffer | null }>();
    for (const [region, ids] of regions) {
      for (const r of await q.residentsOf(services.db, region, ids)) {
        const k = recordKey(region, r.household_id);
        residents.set(k, [...(residents.get(k) ?? []), r]);
      }
      if (full)
        for (const s of await q.sealedOfHouseholds(services.db, region, ids))
          sealed.set(recordKey(region, s.id), s);
    }
    for (const h of page) {
      const base = {
        building: h.unit_name,
        unit: h.entrance,
        door: h.door,
        colour: colourLabel(h.colour as HouseholdColour, locale, homeAreaCode),
      };
      const list = residents.get(recordKey(h.region_code, h.id)) ?? [];
      if (list.length === 0) sheet.addRow(base);
      for (const r of list) {
        const s = sealed.get(recordKey(r.region_code, r.id));
        sheet.addRow({
          ...base,
          name: r.name,
          sex: r.sex ? SEX_LABELS[r.sex as 'male' | 'female'][locale] : null,
          birthDate: shown.birthDates ? r.birth_date : r.birth_date?.slice(0, 4),
          idType: ID_TYPE_LABELS[r.id_type as IdType]?.[locale] ?? r.id_type,
          idNumber: s?.id_enc ? services.protector.decrypt(s.id_enc) : remaskIdNumber(r.id_masked),
          phone: s?.phone_enc ? services.protector.decrypt(s.phone_enc) : r.phone_masked,
          relation: r.relation
            ? (RELATION_LABELS[r.relation as Relation]?.[locale] ?? r.relation_text)
            : null,
          workUnit: r.work_unit,
          markers: r.markers.map((m) => MARKER_INFO[m as Marker]?.label[locale] ?? m),
          status: STATUS_LABELS[r.status]?.[locale] ?? r.status,
          notes: r.notes,
        });
      }
      rows += Math.max(1, list.length);
    }
    if (rows >= EXPORT_LIMIT) break;
    const last = page[page.length - 1];
    after = {
      unitPath: last.unit_path,
      entrance: last.entrance,
      floor: last.floor,
      door: last.door,
      id: last.id,
    };
  }
  await sheet.finish();
  return rows;
}
