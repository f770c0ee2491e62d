import ExcelJS from 'exceljs';
import { asciiFileName, exportFileName } from '../../../domain/exports/fileNames';
import { SKILL_LABELS, STANDING_LABELS, standingsText } from '../../../domain/forces/person';
import {
  columnIndexOf,
  type ReadPeopleResult,
  SHEET_FIELDS,
  SHEET_HEADERS,
  type SheetError,
} from '../../../domain/forces/personSheet';
import { SKILLS, type Skill } from '../../../domain/forces/schedule';
import { type Locale, type MessageKey, translate } from '../../../domain/i18n/messages';
import { type RowError, rowErrorText } from '../../../domain/sheets/rowErrors';
import { sniffNotSheet } from '../../../domain/uploads/fileKind';
import { remaskIdNumber } from '../../../domain/validators/idNumber';
import { retrying, transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformToday } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { landscapePageSetup } from '../../platform/exportFiles';
import type { Services } from '../../platform/services';
import { workbookBuffer } from '../../sheets/excelJs';
import { asBuffer } from '../../sheets/worker/pool';
import { inSheetWorker } from '../../sheets/worker/sheetJobs';
import { looksLikeZip } from '../../sheets/zip';
import { unitInScope } from '../org/service';
import { dayDate, filterOf, type ListPeopleQuery, publishForces, takenMessage } from './people';
import { type CheckedPeople, type PeopleCheckOptions, peopleSheetJobs } from './peopleSheetJobs';
import { insertPerson, lostContactRace, personIdIndex, personPhoneIndex } from './personRecord';
import * as q from './queries';

// People lists in Excel, through the sheet layer (server/sheets): the template to fill in, the import
// (read and checked in a sheet worker, every bad cell reported with its row and column in the caller's
// language, all or nothing in one transaction), and the export of a filtered list (phones and ID numbers
// masked; audited as an export). The template and the export are small: ExcelJS writes them.

export const MAX_IMPORT_ROWS = 5000;
const MAX_EXPORT_ROWS = 20_000;

const SEX_WORDS = { M: { 'zh-CN': '男', en: 'male' }, F: { 'zh-CN': '女', en: 'female' } } as const;

function headerRow(sheet: ExcelJS.Worksheet, labels: string[]) {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E7' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The template: the columns the import reads, an example row, and how to fill them in. */
export async function buildPeopleTemplate(locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(locale === 'en' ? 'People' : '人员名册');
  headerRow(
    sheet,
    SHEET_FIELDS.map((f) => SHEET_HEADERS[f][locale]),
  );
  sheet.columns.forEach((c, i) => {
    c.width = [10, 6, 22, 14, 14, 16, 18, 12, 20, 12, 18, 12, 20][i] ?? 14;
  });
  // ID numbers and phones as text, so that Excel keeps every digit
  for (const f of ['idNumber', 'phone', 'unitCode'] as const) {
    sheet.getColumn(SHEET_FIELDS.indexOf(f) + 1).numFmt = '@';
  }
  const sexCol = SHEET_FIELDS.indexOf('sex') + 1;
  for (let r = 2; r <= 1000; r++) {
    sheet.getCell(r, sexCol).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [locale === 'en' ? '"male,female"' : '"男,女"'],
    };
  }
  const help = wb.addWorksheet(locale === 'en' ? 'How to fill in' : '填写说明');
  const standings = Object.values(STANDING_LABELS)
    .map((l) => l[locale])
    .join(locale === 'en' ? ', ' : '、');
  const skills = SKILLS.map((s) => SKILL_LABELS[s][locale]).join(locale === 'en' ? ', ' : '、');
  const lines =
    locale === 'en'
      ? [
          'Name is required; the ID number gives sex and birth date when they are left blank.',
          `Category: one or more of ${standings}, separated by commas.`,
          `Skills: any of ${skills}.`,
          'Unit code: the code of the community or unit the person serves in; blank means the unit you import into.',
          'Dates as YYYY-MM-DD. A phone or ID number already in the registry, or twice in the sheet, is refused.',
          'Nothing is imported unless every row is valid; the errors name the row and the column.',
        ]
      : [
          '姓名必填；填了身份证号的，性别和出生日期可不填（按身份证号自动取）。',
          `类别：${standings}，可填多个，用顿号分隔。`,
          `技能：${skills}。`,
          '下沉单位代码：所服务的社区/单位代码；不填即为导入时选择的单位。',
          '日期格式：年-月-日。手机号或身份证号已在名册中、或在表中重复的，不予导入。',
          '所有行都正确才导入；有错误时会列出出错的行号和列名。',
        ];
  help.getColumn(1).width = 100;
  for (const l of lines) help.addRow([l]);
  return workbookBuffer(wb);
}

function notXlsx(locale: Locale, key: MessageKey = 'error.import_not_xlsx', params = {}) {
  return new AppError('validation', 'error.validation', { detail: 'file' }, [
    { path: 'file', message: translate(locale, key, params) },
  ]);
}

/**
 * The people sheet read and checked in a sheet worker (peopleSheetJobs.ts), through the sheet layer: an
 * .xlsx read by the layer's reader with its limits (UPLOAD_LIMITS), no more rows than an import takes,
 * the header found by its words, merged cells filled down, every row checked.
 */
async function checkRows(
  data: Buffer,
  o: PeopleCheckOptions,
): Promise<{ sheetName: string; read: ReadPeopleResult }> {
  if (!looksLikeZip(data)) {
    const kind = sniffNotSheet(data);
    throw kind ? notXlsx(o.locale, `upload.not_sheet.${kind}`) : notXlsx(o.locale);
  }
  let checked: CheckedPeople;
  try {
    checked = await peopleSheetJobs.run('checkPeople', data, o);
  } catch (e) {
    // a limit passed (413) as it is; a file that is no workbook on the file field
    if (e instanceof AppError && e.code === 'validation') throw notXlsx(o.locale, e.key, e.params);
    throw e;
  }
  if (checked.outcome === 'too_many')
    throw new AppError('validation', 'forces.import_too_many', { max: MAX_IMPORT_ROWS });
  if (checked.outcome === 'empty') throw new AppError('validation', 'forces.import_empty');
  return { sheetName: checked.sheetName, read: checked.read };
}

/**
 * The error sheet of a people sheet (the layer's, as the ledger's): the user's own workbook with a
 * 错误原因 column holding each row's errors, and the cells they name marked.
 */
export async function peopleErrorSheet(
  services: Services,
  actor: Actor,
  input: { unitCode: string; data: Buffer },
): Promise<Buffer> {
  const { sheetName, read, errors } = await checkPeopleImport(services, actor, input);
  const marked: RowError[] = errors.map((e) => ({ ...e, columnIndex: columnIndexOf(read.header, e.field) }));
  const out = await inSheetWorker(
    'errorSheet',
    input.data,
    sheetName,
    marked,
    actor.locale,
    read.header?.rowIndex ?? null,
  );
  return asBuffer(out);
}

export interface ImportReport {
  imported: number;
  rows: number;
}

function rejected(locale: Locale, errors: SheetError[]): AppError {
  const rows = new Set(errors.map((e) => e.row));
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return new AppError(
    'validation',
    'forces.import_rejected',
    { count: rows.size },
    sorted.slice(0, 500).map((e) => ({
      path: `rows.${e.row}.${e.field}`,
      row: e.row,
      column: e.column,
      message: rowErrorText(locale, e),
    })),
  );
}

/**
 * Imports a people sheet into a unit of the actor's scope: every row, or nothing. When another request
 * registered one of its people first (after the check), the import runs again and its check names them.
 */
export function importPeople(
  services: Services,
  actor: Actor,
  input: { unitCode: string; data: Buffer },
): Promise<ImportReport> {
  return retrying(() => importPeopleOnce(services, actor, input), { alsoRetry: lostContactRace });
}

/** A people sheet checked against the rules and the registry: its rows, their units, every error. */
async function checkPeopleImport(
  services: Services,
  actor: Actor,
  input: { unitCode: string; data: Buffer },
) {
  const home = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.manage');
  const { sheetName, read } = await checkRows(input.data, {
    locale: actor.locale,
    defaultUnitCode: home.code,
    today: dayDate(platformToday(services.config)),
    maxRows: MAX_IMPORT_ROWS + 21,
  });
  if (!read.header) throw new AppError('validation', 'forces.import_no_header');
  if (read.rows === 0) throw new AppError('validation', 'forces.import_empty');
  if (read.rows > MAX_IMPORT_ROWS)
    throw new AppError('validation', 'forces.import_too_many', { max: MAX_IMPORT_ROWS });
  const errors = [...read.errors];
  const label = (field: 'unitCode' | 'phone' | 'idNumber') => {
    const i = read.header?.columns[field];
    return i === undefined ? SHEET_HEADERS[field][actor.locale] : (read.header?.labels[i] ?? field);
  };

  // the units the rows name: in the actor's scope, or the cell's fault
  const units = new Map<string, { id: string; path: string } | null>();
  for (const p of read.people) {
    if (units.has(p.value.unitCode)) continue;
    const u = await unitInScope(services.db, actor.scope, p.value.unitCode, 'forces.manage').catch(
      () => null,
    );
    units.set(p.value.unitCode, u ? { id: u.id, path: u.path } : null);
  }
  // people already in the registry, by phone or ID number
  const phoneHmacs = read.people
    .filter((p) => p.value.phone)
    .map((p) => personPhoneIndex(services.protector, p.value.phone as string));
  const idHmacs = read.people
    .filter((p) => p.value.idNumber)
    .map((p) => personIdIndex(services.protector, p.value.idNumber as string));
  const taken = await q.peopleWithContact(services.db, { phoneHmacs, idHmacs });
  const byPhone = new Map(taken.filter((t) => t.phone_hmac).map((t) => [t.phone_hmac?.toString('hex'), t]));
  const byId = new Map(taken.filter((t) => t.id_hmac).map((t) => [t.id_hmac?.toString('hex'), t]));
  for (const p of read.people) {
    const v = p.value;
    if (!units.get(v.unitCode))
      errors.push({
        row: p.row,
        column: label('unitCode'),
        field: 'unitCode',
        message: translate(actor.locale, 'forces.unit_unknown', { code: v.unitCode }),
      });
    const idOther = v.idNumber && byId.get(personIdIndex(services.protector, v.idNumber).toString('hex'));
    if (idOther)
      errors.push({
        row: p.row,
        column: label('idNumber'),
        field: 'idNumber',
        message: takenMessage(actor, 'idNumber', idOther),
      });
    const phoneOther = v.phone && byPhone.get(personPhoneIndex(services.protector, v.phone).toString('hex'));
    if (phoneOther)
      errors.push({
        row: p.row,
        column: label('phone'),
        field: 'phone',
        message: takenMessage(actor, 'phone', phoneOther),
      });
  }
  return { home, sheetName, read, units, errors };
}

async function importPeopleOnce(
  services: Services,
  actor: Actor,
  input: { unitCode: string; data: Buffer },
): Promise<ImportReport> {
  const { home, read, units, errors } = await checkPeopleImport(services, actor, input);
  if (errors.length) throw rejected(actor.locale, errors);

  await transaction(services.db, async (tx) => {
    for (const p of read.people) {
      const u = units.get(p.value.unitCode) as { id: string; path: string };
      await insertPerson(tx, services.protector, {
        ...p.value,
        residentKey: null,
        unitId: u.id,
        unitPath: u.path,
      });
    }
    await publishForces(services, tx, home.path, { imported: read.people.length });
    await auditAs(tx, actor, 'forces.imported', {
      unitPath: home.path,
      target: `people:${home.code}`,
      detail: { people: read.people.length, rows: read.rows },
    });
  });
  return { imported: read.people.length, rows: read.rows };
}

/**
 * The export's file name: unit, filter (category, skill, who has left, a search — digits are named as a
 * number search, never written out) and the day, e.g. 省民航社区人员名册-志愿者-2020-02-05.xlsx.
 */
function peopleFileNames(
  unit: { name: string; code: string },
  query: Omit<ListPeopleQuery, 'after' | 'limit'>,
  day: string,
  locale: Locale,
) {
  const en = locale === 'en';
  const q = query.q?.trim();
  const search = !q
    ? ''
    : /\d/.test(q)
      ? en
        ? 'number search'
        : '按号码搜索'
      : en
        ? `search ${q}`
        : `搜索${q}`;
  const status =
    query.status === 'left'
      ? en
        ? 'left'
        : '已离开'
      : query.status === 'all'
        ? en
          ? 'all'
          : '含已离开'
        : '';
  return {
    name: exportFileName([
      en ? `${unit.name}-people` : `${unit.name}人员名册`,
      query.standing ? STANDING_LABELS[query.standing][locale] : '',
      query.skill ? (SKILL_LABELS[query.skill as Skill]?.[locale] ?? query.skill) : '',
      status,
      search,
      day,
    ]),
    asciiName: asciiFileName([
      'people',
      unit.code,
      query.standing ?? '',
      query.skill ?? '',
      query.status && query.status !== 'active' ? query.status : '',
      q ? 'search' : '',
      day,
    ]),
  };
}

/** The filtered list as xlsx, phones and ID numbers masked; written to the audit log as an export. */
export async function exportPeople(
  services: Services,
  actor: Actor,
  query: Omit<ListPeopleQuery, 'after' | 'limit'> & { unit: string },
): Promise<{ name: string; asciiName: string; data: Buffer }> {
  const unit = await unitInScope(services.db, actor.scope, query.unit, 'forces.read');
  const filter = await filterOf(services, actor.scope, query);
  const locale = actor.locale;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(locale === 'en' ? 'People' : '人员名册');
  const headers = [
    ...SHEET_FIELDS.filter((f) => f !== 'birthDate').map((f) => SHEET_HEADERS[f][locale]),
    locale === 'en' ? 'Unit' : '所属单位名称',
    locale === 'en' ? 'Status' : '状态',
  ];
  headerRow(sheet, headers);
  sheet.pageSetup = landscapePageSetup('1:1');
  let after: { path: string; id: string } | undefined;
  let count = 0;
  while (count < MAX_EXPORT_ROWS) {
    const rows = await q.listPeople(services.db, actor.scope, filter, after, 1000);
    for (const r of rows) {
      sheet.addRow([
        r.name,
        r.sex ? SEX_WORDS[r.sex][locale] : '',
        remaskIdNumber(r.id_masked) ?? '',
        r.phone_masked ?? '',
        standingsText(
          { isCadre: r.is_cadre, isPartyMember: r.is_party_member, isVolunteer: r.is_volunteer },
          locale,
        ),
        r.unit_code,
        r.home_work_unit ?? '',
        r.sent_down_on ?? '',
        r.party_branch ?? '',
        r.reported_on ?? '',
        (r.skills as Skill[]).map((s) => SKILL_LABELS[s]?.[locale] ?? s).join(locale === 'en' ? ', ' : '、'),
        r.notes ?? '',
        r.unit_name,
        r.status === 'left' ? (locale === 'en' ? 'left' : '已离开') : locale === 'en' ? 'active' : '在岗',
      ]);
    }
    count += rows.length;
    if (rows.length < 1000) break;
    const last = rows[rows.length - 1];
    after = { path: last.unit_path, id: last.id };
  }
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  await auditAs(services.db, actor, 'data.exported', {
    unitPath: unit.path,
    target: `people:${unit.code}`,
    detail: { what: 'people', rows: count, filter: { ...query, q: query.q ? '…' : undefined } },
  });
  const data = await workbookBuffer(wb);
  return { ...peopleFileNames(unit, query, platformToday(services.config), locale), data };
}
