import { describe, expect, it } from 'vitest';
import { type ResidentSnapshot, residentChanges } from '../residentChanges';
import type { LedgerField } from './headers';
import { markersSpokenOf, type SealedRow, sheetResident } from './sheetResident';
import type { ResidentRecord } from './validateRow';

const BEFORE: ResidentSnapshot = {
  name: '周明德',
  sex: 'male',
  birthDate: '1970-01-01',
  idType: 'resident_id',
  idNumber: { key: 'k-id', masked: '4101**********0011' },
  phone: { key: 'k-phone', masked: '138****0001' },
  relation: 'head',
  relationText: null,
  workUnit: '郑州市自来水公司',
  notes: '腿脚不便，需送菜上门',
  tags: [],
  markers: ['party_member', 'low_income'],
};

function row(extra: Partial<ResidentRecord>): ResidentRecord {
  return {
    kind: 'resident',
    row: 5,
    building: '1号楼',
    unit: '1',
    door: '101',
    name: '周明德',
    sex: 'male',
    birthDate: '1970-01-01',
    idType: 'resident_id',
    idNumber: '410105197001010011',
    relation: 'head',
    workUnit: '郑州市自来水公司',
    notes: '腿脚不便，需送菜上门',
    markers: ['party_member', 'low_income'],
    ...extra,
  };
}

const given = (...fields: LedgerField[]) => new Set<LedgerField>(fields);
const ALL = given('name', 'idNumber', 'phone', 'relation', 'workUnit', 'notes', 'markers');
const changes = (r: ResidentRecord, sealed: SealedRow = {}, g = ALL) =>
  residentChanges(BEFORE, sheetResident(BEFORE, r, sealed, g));

describe('a resident as a newer sheet has them', () => {
  it('changes only the field the sheet changed, before and after', () => {
    expect(changes(row({ workUnit: '金水区政府' }))).toEqual([
      { field: 'workUnit', before: '郑州市自来水公司', after: '金水区政府' },
    ]);
    expect(sheetResident(BEFORE, row({ workUnit: '金水区政府' }), {}, ALL)).toMatchObject({
      name: '周明德',
      workUnit: '金水区政府',
      markers: ['party_member', 'low_income'],
    });
  });

  it('never erases with a blank cell or a column the sheet does not have', () => {
    expect(changes(row({ workUnit: undefined, notes: undefined }))).toEqual([]);
    expect(changes(row({ markers: [] }), {}, given('name', 'idNumber'))).toEqual([]);
  });

  it('compares phones by their blind index and shows them masked', () => {
    expect(changes(row({ phone: '13800000001' }), { phone: { key: 'k-phone', masked: 'x' } })).toEqual([]);
    const changed = changes(row({ phone: '13900000002' }), {
      phone: { key: 'k-new', masked: '139****0002' },
    });
    expect(changed).toEqual([{ field: 'phone', before: '138****0001', after: '139****0002' }]);
    expect(JSON.stringify(changed)).not.toContain('13900000002');
  });

  it('sets the markers the sheet speaks of and keeps the others', () => {
    expect([...markersSpokenOf(given('party_member'))]).toEqual(['party_member']);
    expect(changes(row({ markers: [] }), {}, given('name', 'party_member'))).toEqual([
      { field: 'markers', before: ['party_member', 'low_income'], after: ['low_income'] },
    ]);
    expect(changes(row({ markers: ['volunteer'] }))).toEqual([
      { field: 'markers', before: ['party_member', 'low_income'], after: ['volunteer'] },
    ]);
  });

  it("keeps a relation's own word and free text as written", () => {
    expect(changes(row({ relation: 'other', relationText: '外甥' }))).toEqual([
      { field: 'relation', before: 'head', after: '外甥' },
    ]);
    expect(changes(row({ notes: '腿脚不便，需送菜上门。独居' }))).toEqual([
      { field: 'notes', before: '腿脚不便，需送菜上门', after: '腿脚不便，需送菜上门。独居' },
    ]);
  });
});
