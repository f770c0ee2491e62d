import { describe, expect, it } from 'vitest';
import { type ResidentSnapshot, residentChanges } from './residentChanges';

const before: ResidentSnapshot = {
  name: '侯雪梅',
  sex: 'female',
  birthDate: '1968-03-02',
  idType: 'resident_id',
  idNumber: { key: 'a1', masked: '4101**********1023' },
  phone: { key: 'p1', masked: '138****1234' },
  relation: 'head',
  workUnit: '郑州市第一人民医院',
  notes: '腿脚不便，需送菜上门',
  markers: ['party_member', 'low_income'],
  tags: ['退役军人'],
};

describe('what an edit changed', () => {
  it('names only the field that changed, with before and after', () => {
    expect(residentChanges(before, { ...before, workUnit: '金水区人民医院' })).toEqual([
      { field: 'workUnit', before: '郑州市第一人民医院', after: '金水区人民医院' },
    ]);
  });

  it('finds nothing when nothing changed: the same markers in another order, blank as absent', () => {
    expect(
      residentChanges(before, { ...before, markers: ['low_income', 'party_member'], tags: ['退役军人'] }),
    ).toEqual([]);
    expect(residentChanges({ ...before, workUnit: '' }, { ...before, workUnit: null })).toEqual([]);
  });

  it('compares ID numbers and phones by their key and shows them masked only', () => {
    const sameMask = { ...before, idNumber: { key: 'a2', masked: '4101**********1023' } };
    expect(residentChanges(before, sameMask)).toEqual([
      { field: 'idNumber', before: '4101**********1023', after: '4101**********1023' },
    ]);
    const noPhone = residentChanges(before, { ...before, phone: null });
    expect(noPhone).toEqual([{ field: 'phone', before: '138****1234', after: null }]);
    expect(JSON.stringify(noPhone)).not.toContain('p1');
  });

  it('shows a relation by its own word, and markers as lists', () => {
    expect(
      residentChanges({ ...before, relation: 'other', relationText: '外甥' }, { ...before, relation: 'son' }),
    ).toEqual([{ field: 'relation', before: '外甥', after: 'son' }]);
    expect(residentChanges(before, { ...before, markers: ['party_member'] })).toEqual([
      { field: 'markers', before: ['party_member', 'low_income'], after: ['party_member'] },
    ]);
  });
});
