import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { checkResidentForm } from './residentForm';

const id = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 123 });

describe('checkResidentForm', () => {
  it('accepts a resident and derives birth date and sex from the ID number', () => {
    const r = checkResidentForm(
      { name: '王建国', idNumber: id, phone: '13812345678', relation: 'head', markers: ['party_member'] },
      'zh-CN',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.birthDate).toBe('1980-01-01');
    expect(r.record.sex).toBe('male');
    expect(r.record.relation).toBe('head');
    expect(r.record.markers).toEqual(['party_member']);
  });

  it('names the field that is wrong, in the user language', () => {
    const bad = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const r = checkResidentForm({ name: '王建国', idNumber: bad, sex: '女' }, 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toContain('idNumber');
    expect(r.errors.find((e) => e.field === 'idNumber')?.message).toMatch(/check/i);
    const sexMismatch = checkResidentForm({ name: '王建国', idNumber: id, sex: '女' }, 'zh-CN');
    expect(sexMismatch.ok).toBe(false);
    if (!sexMismatch.ok) expect(sexMismatch.errors[0].field).toBe('sex');
  });

  it('requires a name', () => {
    const r = checkResidentForm({ name: '  ' }, 'zh-CN');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'name', code: 'name.required' });
  });
});
