import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { asciiFileName, exportFileName } from '../../../../domain/exports/fileNames';
import { shiftLabelIn } from '../../../../domain/forces/presetNames';
import { QUALIFICATION_LABELS } from '../../../../domain/forces/qualifications';
import type { Qualification } from '../../../../domain/forces/schedule';
import type { Locale } from '../../../../domain/i18n/messages';
import type { Actor } from '../../../platform/access';
import { auditAs } from '../../../platform/audit';
import { landscapePageSetup } from '../../../platform/exportFiles';
import type { Services } from '../../../platform/services';
import { unitInScope } from '../../org/service';
import { dutyHours, type HoursBy } from './hours';
import { checkRange, type Range, targetFacilities } from './roster';

// Excel out: the roster (one row per person on a shift) and the hours (per person, team or facility),
// named by what they hold (排班表-省民航社区-2020-02-05至2020-02-11.xlsx), printed landscape and fitted to
// the width with the header on every page. Masked phones only; every export is written to the audit log
// before its first byte (like the ledger's).

type Target = { unitCode?: string; facilityId?: string } & Range;

const zh = (locale: Locale, zhText: string, en: string) => (locale === 'en' ? en : zhText);

function clock(t: Date) {
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

function stamp(t: Date | null) {
  return t ? new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';
}

async function facilitiesOf(services: Services, actor: Actor, t: Target) {
  checkRange(actor.locale, t);
  const facilities = await targetFacilities(
    services,
    actor,
    t.facilityId ? { facilityIds: [t.facilityId] } : { unitCode: t.unitCode },
    'forces.read',
  );
  for (const f of facilities) actor.scope.check('data.export', f.unit_path);
  return facilities;
}

async function audit(services: Services, actor: Actor, what: string, t: Target, paths: string[]) {
  await auditAs(services.db, actor, 'data.exported', {
    unitPath: paths.sort()[0] ?? '',
    target: `${what}:${t.facilityId ? `facility:${t.facilityId}` : t.unitCode}`,
    detail: { from: t.from, to: t.to },
  });
}

function sheetOf(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Array<{ header: string; key: string; width: number }>,
) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: landscapePageSetup('1:1'),
  });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** What the export is about: the facility, or the unit whose facilities it covers. */
async function placeName(services: Services, actor: Actor, t: Target, facilities: { name: string }[]) {
  if (t.facilityId) return { name: facilities[0]?.name ?? '', code: `facility-${t.facilityId}` };
  const unit = await unitInScope(services.db, actor.scope, t.unitCode ?? '', 'forces.read');
  return { name: unit.name, code: unit.code };
}

/** The file names of an export: what, where, which days (in the user's language, and in ASCII). */
function fileNames(
  what: { 'zh-CN': string; en: string; ascii: string },
  place: { name: string; code: string },
  t: Target,
  locale: Locale,
) {
  const days = t.from === t.to ? t.from : locale === 'en' ? `${t.from}-to-${t.to}` : `${t.from}至${t.to}`;
  return {
    fileName: exportFileName([what[locale], place.name, days]),
    asciiName: asciiFileName([what.ascii, place.code, t.from, t.to === t.from ? '' : t.to]),
  };
}

/** Checks and audits a roster export; `write` streams the workbook into `out`. */
export async function prepareRosterExport(services: Services, actor: Actor, t: Target) {
  const facilities = await facilitiesOf(services, actor, t);
  await audit(
    services,
    actor,
    'roster',
    t,
    facilities.map((f) => f.unit_path),
  );
  const ids = facilities.map((f) => f.id);
  const { locale } = actor;
  const names = fileNames(
    { 'zh-CN': '排班表', en: 'roster', ascii: 'roster' },
    await placeName(services, actor, t, facilities),
    t,
    locale,
  );
  const write = async (out: Writable) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = sheetOf(wb, zh(locale, '排班表', 'Roster'), [
      { header: zh(locale, '日期', 'Day'), key: 'day', width: 12 },
      { header: zh(locale, '设施', 'Facility'), key: 'facility', width: 24 },
      { header: zh(locale, '班次', 'Shift'), key: 'label', width: 10 },
      { header: zh(locale, '开始', 'Start'), key: 'start', width: 8 },
      { header: zh(locale, '结束', 'End'), key: 'end', width: 8 },
      { header: zh(locale, '应到人数', 'Needed'), key: 'headcount', width: 10 },
      { header: zh(locale, '岗位', 'Place'), key: 'skill', width: 12 },
      { header: zh(locale, '姓名', 'Name'), key: 'name', width: 12 },
      { header: zh(locale, '电话', 'Phone'), key: 'phone', width: 16 },
      { header: zh(locale, '签到', 'Checked in'), key: 'in', width: 17 },
      { header: zh(locale, '签退', 'Checked out'), key: 'out', width: 17 },
      { header: zh(locale, '状态', 'Published'), key: 'published', width: 10 },
    ]);
    let after = '0';
    for (;;) {
      const { rows } = await sql<{
        key: string;
        day: string;
        facility: string;
        label: string;
        starts_at: Date;
        ends_at: Date;
        headcount: number;
        skill: string | null;
        name: string | null;
        phone_masked: string | null;
        checked_in_at: Date | null;
        checked_out_at: Date | null;
        published_at: Date | null;
      }>`
        SELECT s.id::text AS key, s.day, f.name AS facility, s.label, s.starts_at, s.ends_at, s.headcount, a.skill,
               p.name, p.phone_masked, a.checked_in_at, a.checked_out_at, s.published_at
        FROM duty_shifts s
        JOIN facilities f ON f.id = s.facility_id
        LEFT JOIN duty_assignments a ON a.shift_id = s.id
        LEFT JOIN people p ON p.id = a.person_id
        WHERE s.facility_id = ANY(${ids}::bigint[]) AND s.day BETWEEN ${t.from} AND ${t.to} AND s.id > ${after}::bigint
          AND s.id IN (SELECT id FROM duty_shifts WHERE facility_id = ANY(${ids}::bigint[])
                       AND day BETWEEN ${t.from} AND ${t.to} AND id > ${after}::bigint ORDER BY id LIMIT 2000)
        ORDER BY s.id, a.id`.execute(services.db);
      if (!rows.length) break;
      for (const r of rows) {
        ws.addRow({
          day: r.day,
          facility: r.facility,
          label: shiftLabelIn(r.label, locale),
          start: clock(r.starts_at),
          end: clock(r.ends_at),
          headcount: r.headcount,
          skill: r.skill ? (QUALIFICATION_LABELS[r.skill as Qualification]?.[locale] ?? r.skill) : '',
          name: r.name ?? zh(locale, '（空缺）', '(vacant)'),
          phone: r.phone_masked ?? '',
          in: stamp(r.checked_in_at),
          out: stamp(r.checked_out_at),
          published: r.published_at ? zh(locale, '已发布', 'yes') : zh(locale, '未发布', 'no'),
        }).commit();
      }
      after = rows[rows.length - 1].key;
    }
    ws.commit();
    await wb.commit();
  };
  return { write, ...names };
}

/** Checks and audits an hours export; `write` streams the workbook into `out`. */
export async function prepareHoursExport(
  services: Services,
  actor: Actor,
  t: Target & { by: HoursBy },
  now: number,
) {
  const facilities = await facilitiesOf(services, actor, t);
  const hours = await dutyHours(services, actor, t, now);
  await audit(
    services,
    actor,
    `hours-${t.by}`,
    t,
    facilities.map((f) => f.unit_path),
  );
  const { locale } = actor;
  const by = {
    person: ['按人员', 'by-person'],
    team: ['按队伍', 'by-team'],
    facility: ['按设施', 'by-facility'],
  }[t.by];
  const names = fileNames(
    {
      'zh-CN': `值守工时-${by[0]}`,
      en: `duty-hours-${by[1]}`,
      ascii: `duty-hours-${by[1]}`,
    },
    await placeName(services, actor, t, facilities),
    t,
    locale,
  );
  const write = async (out: Writable) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const common = [
      { header: zh(locale, '班次数', 'Shifts'), key: 'shifts', width: 10 },
      { header: zh(locale, '排班工时', 'Scheduled h'), key: 'scheduled', width: 12 },
      { header: zh(locale, '实际工时', 'Worked h'), key: 'worked', width: 12 },
      { header: zh(locale, '缺岗', 'Missed'), key: 'missed', width: 8 },
    ];
    const first =
      t.by === 'person'
        ? [
            { header: zh(locale, '姓名', 'Name'), key: 'name', width: 12 },
            { header: zh(locale, '电话', 'Phone'), key: 'phoneMasked', width: 16 },
          ]
        : t.by === 'team'
          ? [
              { header: zh(locale, '队伍', 'Team'), key: 'name', width: 24 },
              { header: zh(locale, '成员', 'Members'), key: 'members', width: 8 },
            ]
          : [
              { header: zh(locale, '设施', 'Facility'), key: 'name', width: 24 },
              { header: zh(locale, '应排人次', 'Places'), key: 'needed', width: 10 },
              { header: zh(locale, '已排人次', 'Assigned'), key: 'assigned', width: 10 },
            ];
    const ws = sheetOf(wb, `${zh(locale, '工时', 'Hours')} ${t.from}~${t.to}`.slice(0, 31), [
      ...first,
      ...common,
    ]);
    for (const item of hours.items) ws.addRow(item).commit();
    ws.commit();
    await wb.commit();
  };
  return { write, ...names };
}
