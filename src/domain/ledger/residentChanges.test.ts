import { describe, expect, it } from 'vitest';
import { applyChanges, markersSpokenOf, type ResidentSnapshot, residentChanges } from './residentChanges';
import type { LedgerField } from './sheet/headers';
import type { ResidentRecord } from './sheet/validateRow';

const BEFORE: ResidentSnapshot = {
  name: '周明德',
  sex: 'male',
  birthDate: '1970-01-01',
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

describe('resident changes', () => {
  it('records only the field that changed, before and after', () => {
    const changes = residentChanges(BEFORE, row({ workUnit: '金水区政府' }), {}, ALL);
    expect(changes).toEqual([{ field: 'workUnit', from: '郑州市自来水公司', to: '金水区政府' }]);
    expect(applyChanges(BEFORE, row({ workUnit: '金水区政府' }), changes)).toMatchObject({
      name: '周明德',
      workUnit: '金水区政府',
      markers: ['party_member', 'low_income'],
    });
  });

  it('never erases with a blank cell or a column the sheet does not have', () => {
    expect(residentChanges(BEFORE, row({ workUnit: undefined, notes: undefined }), {}, ALL)).toEqual([]);
    expect(residentChanges(BEFORE, row({ markers: [] }), {}, given('name', 'idNumber'))).toEqual([]);
  });

  it('compares phones by their blind index and shows them masked', () => {
    const same = residentChanges(
      BEFORE,
      row({ phone: '13800000001' }),
      { phone: { key: 'k-phone', masked: 'x' } },
      ALL,
    );
    expect(same).toEqual([]);
    const changed = residentChanges(
      BEFORE,
      row({ phone: '13900000002' }),
      { phone: { key: 'k-new', masked: '139****0002' } },
      ALL,
    );
    expect(changed).toEqual([{ field: 'phone', from: '138****0001', to: '139****0002' }]);
    expect(JSON.stringify(changed)).not.toContain('13900000002');
  });

  it('sets the markers the sheet speaks of and keeps the others', () => {
    expect([...markersSpokenOf(given('party_member'))]).toEqual(['party_member']);
    const changes = residentChanges(BEFORE, row({ markers: [] }), {}, given('name', 'party_member'));
    expect(changes).toEqual([{ field: 'markers', from: ['party_member', 'low_income'], to: ['low_income'] }]);
    const all = residentChanges(BEFORE, row({ markers: ['volunteer'] }), {}, ALL);
    expect(all).toEqual([{ field: 'markers', from: ['party_member', 'low_income'], to: ['volunteer'] }]);
  });

  it('keeps free text as written', () => {
    const changes = residentChanges(BEFORE, row({ notes: '腿脚不便，需送菜上门。独居' }), {}, ALL);
    expect(changes).toEqual([
      { field: 'notes', from: '腿脚不便，需送菜上门', to: '腿脚不便，需送菜上门。独居' },
    ]);
  });
});
