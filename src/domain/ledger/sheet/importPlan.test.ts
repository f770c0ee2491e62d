import { describe, expect, it } from 'vitest';
import type { LedgerField } from './headers';
import { columnRefs, proposeMapping } from './headers';
import { groupHouseholds } from './households';
import { type LedgerDoor, type LedgerResident, type PlanContext, planImport } from './importPlan';
import type { LedgerRecord, ResidentRecord } from './validateRow';

const HEADERS = ['楼号', '单元', '门牌号', '姓名', '身份证号', '联系电话', '与户主关系', '工作单位'];
const COLUMNS = columnRefs(proposeMapping(HEADERS, 0));
const GIVEN = new Set(Object.keys(COLUMNS) as LedgerField[]);

function resident(row: number, name: string, extra: Partial<ResidentRecord> = {}): ResidentRecord {
  return {
    kind: 'resident',
    row,
    building: '20号楼',
    unit: '1',
    door: '101',
    name,
    idType: 'resident_id',
    markers: [],
    ...extra,
  };
}

function inLedger(key: string, name: string, extra: Partial<LedgerResident> = {}): LedgerResident {
  return {
    key,
    name,
    sex: null,
    birthDate: null,
    idNumber: null,
    phone: null,
    relation: null,
    relationText: null,
    workUnit: null,
    notes: null,
    tags: [],
    markers: [],
    ...extra,
  };
}

const HOU = inLedger('410105-1', '侯雪梅', {
  relation: 'head',
  idNumber: { key: 'id-hou', masked: '4101**********0021' },
});
const DOOR: LedgerDoor = {
  key: '410105-9',
  building: '20号楼',
  entrance: '1',
  door: '101',
  residents: [HOU],
};

function ctx(over: Partial<PlanContext> = {}): PlanContext {
  return {
    locale: 'zh-CN',
    columns: COLUMNS,
    given: GIVEN,
    inLedger: new Map(),
    idKeys: new Map(),
    phoneKeys: new Map(),
    updateExisting: false,
    ...over,
  };
}

function households(records: LedgerRecord[]) {
  return groupHouseholds(records, { columns: COLUMNS, locale: 'zh-CN' }).households;
}

describe('the import plan', () => {
  it('makes a new household at a door the ledger does not have', () => {
    const hs = households([
      resident(5, '李建军', { relation: 'head' }),
      resident(6, '王丽', { relation: 'spouse' }),
    ]);
    const plan = planImport(hs, [undefined], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([
      [5, 'new'],
      [6, 'new'],
    ]);
    expect(plan.counts).toEqual({ new: 2, joins: 0, updates: 0, unchanged: 0 });
  });

  it('joins the household at an existing door, naming it and its head, and refuses a second head', () => {
    const hs = households([
      resident(5, '李建军', { relation: 'head' }),
      resident(6, '王丽', { relation: 'spouse' }),
    ]);
    const plan = planImport(hs, [DOOR], ctx());
    expect(plan.rows).toEqual([
      expect.objectContaining({
        row: 6,
        action: 'join',
        household: { key: '410105-9', head: '侯雪梅' },
        place: { building: '20号楼', entrance: '1', door: '101' },
      }),
    ]);
    expect(plan.errors).toEqual([
      expect.objectContaining({
        row: 5,
        column: '与户主关系',
        columnIndex: 6,
        code: 'household.second_head',
      }),
    ]);
    expect(plan.errors[0].message).toContain('侯雪梅');
    expect(plan.errors[0].message).toContain('台账中');
    expect(plan.households[0].household.residents.map((r) => r.row)).toEqual([6]);
    const en = planImport(hs, [DOOR], ctx({ locale: 'en' }));
    expect(en.errors[0].message).toMatch(/already has a head, 侯雪梅 \(in the ledger\)/);
  });

  it('refuses a second head within the sheet, naming the first one and its row', () => {
    const hs = households([
      resident(5, '李建军', { relation: 'head' }),
      resident(7, '李四', { relation: 'head' }),
    ]);
    const plan = planImport(hs, [undefined], ctx());
    expect(plan.errors).toEqual([expect.objectContaining({ row: 7, code: 'household.second_head' })]);
    expect(plan.errors[0].message).toContain('李建军（第 5 行）');
  });

  it('refuses a person already in the ledger unless asked to update, and then changes only what differs', () => {
    const row = resident(5, '侯雪梅', {
      relation: 'head',
      idNumber: '410105197001010021',
      workUnit: '郑州市第一人民医院',
    });
    const base = ctx({ idKeys: new Map([[5, 'id-hou']]), inLedger: new Map([[5, '省民航社区']]) });
    const refused = planImport(households([row]), [DOOR], base);
    expect(refused.errors).toEqual([expect.objectContaining({ row: 5, code: 'id.in_ledger' })]);
    expect(refused.errors[0].message).toContain('更新台账中已有的居民'); // at this door: the option would do
    expect(refused.rows).toEqual([]);

    const plan = planImport(households([row]), [DOOR], { ...base, updateExisting: true });
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toEqual([
      expect.objectContaining({
        row: 5,
        action: 'update',
        resident: '410105-1',
        changes: [{ field: 'workUnit', before: null, after: '郑州市第一人民医院' }],
      }),
    ]);
    expect(plan.counts.updates).toBe(1);

    // the same again: nothing to change
    const same = planImport(
      households([row]),
      [{ ...DOOR, residents: [{ ...HOU, workUnit: '郑州市第一人民医院' }] }],
      { ...base, updateExisting: true },
    );
    expect(same.rows.map((r) => r.action)).toEqual(['unchanged']);
  });

  it('refuses to update a person who lives at another door', () => {
    const row = resident(5, '侯雪梅', { idNumber: '410105197001010021' });
    const plan = planImport(households([row]), [undefined], {
      ...ctx({ idKeys: new Map([[5, 'id-hou']]), inLedger: new Map([[5, '3号楼']]) }),
      updateExisting: true,
    });
    expect(plan.errors).toEqual([expect.objectContaining({ row: 5, code: 'id.in_ledger' })]);
    expect(plan.errors[0].message).toContain('3号楼');
  });

  it('takes a resident without an ID number of the same name at the same door as the same person', () => {
    const child = inLedger('410105-2', '侯小明', { relation: 'son' });
    const door = { ...DOOR, residents: [HOU, child] };
    const row = resident(6, '侯小明', { relation: 'son', notes: '上小学' });
    const refused = planImport(households([row]), [door], ctx());
    expect(refused.errors).toEqual([
      expect.objectContaining({ row: 6, column: '姓名', code: 'resident.in_household' }),
    ]);
    const plan = planImport(households([row]), [door], ctx({ updateExisting: true }));
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', resident: '410105-2' });
  });

  it('lets the ledger head stay head when the sheet updates them, and refuses another head', () => {
    const rows = [
      resident(5, '侯雪梅', { relation: 'head', idNumber: '410105197001010021' }),
      resident(6, '李建军', { relation: 'head' }),
    ];
    const plan = planImport(households(rows), [DOOR], {
      ...ctx({ idKeys: new Map([[5, 'id-hou']]), inLedger: new Map([[5, '省民航社区']]) }),
      updateExisting: true,
    });
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([[5, 'unchanged']]);
    expect(plan.errors).toEqual([expect.objectContaining({ row: 6, code: 'household.second_head' })]);
    expect(plan.errors[0].message).toContain('侯雪梅（台账中）');
  });

  it('keeps an empty household at a new door and leaves one at an existing door alone', () => {
    const empty: LedgerRecord = {
      kind: 'empty_household',
      row: 9,
      building: '20号楼',
      unit: '1',
      door: '101',
      colour: 'white',
    };
    expect(planImport(households([empty]), [undefined], ctx()).rows).toEqual([
      expect.objectContaining({ row: 9, action: 'new', name: null }),
    ]);
    expect(planImport(households([empty]), [DOOR], ctx()).rows).toEqual([
      expect.objectContaining({
        row: 9,
        action: 'unchanged',
        household: { key: '410105-9', head: '侯雪梅' },
      }),
    ]);
  });
});
