import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { checkCheckForm, checkKeyPersonForm } from './forms';

const today = new Date('2020-02-05T04:00:00Z');
const now = today.getTime();

describe('key person form', () => {
  it('normalises a good one: ID number upper-cased, phone trimmed', () => {
    const id = generateIdNumber({ regionCode: '420106', birthDate: '1980-03-04', sequence: 27 });
    const r = checkKeyPersonForm(
      {
        name: ' 李娜 ',
        idNumber: ` ${id.toLowerCase()} `,
        phone: '13800138000',
        category: 'key_area',
        source: 'list',
      },
      today,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: '李娜',
        idNumber: id.toUpperCase(),
        phone: '13800138000',
        category: 'key_area',
        source: 'list',
      },
    });
  });

  it('names every bad field', () => {
    const r = checkKeyPersonForm(
      { name: ' ', idNumber: '410105198003041234', phone: '12', category: 'x' },
      today,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual(['name', 'idNumber', 'phone', 'category', 'source']);
  });
});

describe('check form', () => {
  it('accepts a door check at 38.1 °C with a cough', () => {
    expect(
      checkCheckForm({ how: 'door', temperatureC: 38.1, symptoms: ['cough'], mood: 'fair' }, now),
    ).toEqual([]);
  });

  it('refuses 373 (a missing dot), an unknown symptom, a way, and a time in the future or too long ago', () => {
    const issues = checkCheckForm(
      {
        how: 'wechat',
        temperatureC: 373,
        symptoms: ['cough', 'sneezing'],
        checkedAt: '2020-02-05T06:00:00Z',
      },
      now,
    );
    expect(issues.map((i) => i.path)).toEqual(['how', 'temperatureC', 'symptoms.1', 'checkedAt']);
    expect(checkCheckForm({ how: 'phone', checkedAt: '2020-02-01T00:00:00Z' }, now)[0]?.path).toBe(
      'checkedAt',
    );
    expect(checkCheckForm({ how: 'phone', checkedAt: '2020-02-04T00:00:00Z' }, now)).toEqual([]);
  });
});
