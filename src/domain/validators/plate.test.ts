import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, toFullWidth } from '../testing/text';
import { MAINLAND_PROVINCE_CODES } from './idNumber';
import { normalisePlate, PLATE_PROVINCE_ABBRS, plateProvince, validatePlate } from './plate';

const province = fc.constantFrom(...PLATE_PROVINCE_ABBRS);
const authority = fc.stringMatching(/^[A-Z]$/);
const ordinary = fc
  .tuple(province, authority, fc.stringMatching(/^[A-HJ-NP-Z0-9]{5}$/))
  .map((parts) => parts.join(''));
const newEnergySmall = fc
  .tuple(province, authority, fc.stringMatching(/^[DABCEFGHJK][A-HJ-NP-Z0-9]\d{4}$/))
  .map((parts) => parts.join(''));
const newEnergyLarge = fc
  .tuple(province, authority, fc.stringMatching(/^\d{5}[DABCEFGHJK]$/))
  .map((parts) => parts.join(''));
const suffixed = fc
  .tuple(
    province,
    authority,
    fc.stringMatching(/^[A-HJ-NP-Z0-9]{4}$/),
    fc.constantFrom(...'挂学警港澳领试超'),
  )
  .map((parts) => parts.join(''));
const anyValid = fc.oneof(ordinary, newEnergySmall, newEnergyLarge, suffixed);

/** writes a plate the ways people do: lower case, a separator after the authority letter, full-width */
const decorated = fc
  .tuple(anyValid, fc.constantFrom('', '·', '•', '・', '-', ' ', '.', '\u3000'), fc.boolean(), fc.boolean())
  .map(([plate, sep, lower, fullWidth]) => {
    let written = `${plate.slice(0, 2)}${sep}${plate.slice(2)}`;
    if (lower) written = written.toLowerCase();
    if (fullWidth) written = toFullWidth(written);
    return { plate, written: ` ${written} ` };
  });

describe('normalisePlate', () => {
  it('upper-cases, converts full-width and removes spaces and separators', () => {
    expect(normalisePlate('豫a·12345')).toBe('豫A12345');
    expect(normalisePlate(' 豫 A 12345 ')).toBe('豫A12345');
    expect(normalisePlate('豫A-12345')).toBe('豫A12345');
    expect(normalisePlate('豫Ａ１２３４５')).toBe('豫A12345');
    expect(normalisePlate('豫ａ・Ｄ１２３４５')).toBe('豫AD12345');
    expect(normalisePlate('豫Ａ　Ｄ１２３４５')).toBe('豫AD12345');
  });
});

describe('validatePlate', () => {
  it('accepts ordinary plates 普通号牌', () => {
    expect(validatePlate('豫A12345')).toEqual({ ok: true, value: '豫A12345', kind: 'ordinary' });
    expect(validatePlate('京N8P8F8')).toEqual({ ok: true, value: '京N8P8F8', kind: 'ordinary' });
    expect(validatePlate('粤B·A2B34')).toEqual({ ok: true, value: '粤BA2B34', kind: 'ordinary' });
    // a serial that starts with D is an ordinary 7-character plate, not a new-energy one
    expect(validatePlate('豫AD1234')).toEqual({ ok: true, value: '豫AD1234', kind: 'ordinary' });
  });

  it('accepts small and large new-energy plates 新能源号牌', () => {
    expect(validatePlate('豫AD12345')).toEqual({ ok: true, value: '豫AD12345', kind: 'new_energy' });
    expect(validatePlate('京AF01234')).toMatchObject({ ok: true, kind: 'new_energy' });
    expect(validatePlate('沪AGA1234')).toMatchObject({ ok: true, kind: 'new_energy' });
    expect(validatePlate('粤BK99999')).toMatchObject({ ok: true, kind: 'new_energy' });
    expect(validatePlate('豫A12345D')).toEqual({ ok: true, value: '豫A12345D', kind: 'new_energy' });
    expect(validatePlate('甘G23459F')).toMatchObject({ ok: true, kind: 'new_energy' });
  });

  it('reads the suffix of special plates', () => {
    expect(validatePlate('豫A1234挂')).toEqual({ ok: true, value: '豫A1234挂', kind: 'trailer' });
    expect(validatePlate('豫A1234学')).toEqual({ ok: true, value: '豫A1234学', kind: 'coach' });
    expect(validatePlate('豫A0123警')).toEqual({ ok: true, value: '豫A0123警', kind: 'police' });
    expect(validatePlate('粤Z1234港')).toEqual({ ok: true, value: '粤Z1234港', kind: 'other_suffix' });
    expect(validatePlate('粤Z1234澳')).toMatchObject({ ok: true, kind: 'other_suffix' });
    expect(validatePlate('沪A1234领')).toMatchObject({ ok: true, kind: 'other_suffix' });
    expect(validatePlate('豫A1234试')).toMatchObject({ ok: true, kind: 'other_suffix' });
    expect(validatePlate('豫A1234超')).toMatchObject({ ok: true, kind: 'other_suffix' });
  });

  it('rejects malformed plates', () => {
    for (const bad of [
      '',
      '豫A1234', // serial too short
      '豫A123456', // 6 digits but no energy letter
      '豫12345', // no authority letter
      '豫112345',
      'XA12345', // not a province
      '使A12345', // embassy plates are not accepted
      'WJ京12345', // armed police
      '豫AO1234', // O is never a serial letter
      '豫A1234I',
      '豫AD1234A', // small new-energy: the last four must be digits
      '豫AI12345', // I is not an energy letter
      '豫A12345Z', // large new-energy must end with an energy letter
      '豫A12345挂', // suffix plates have a 4-character serial
      '豫A123挂',
      '豫A1234军',
      '豫A１２３４５６７',
    ]) {
      expect(validatePlate(bad), bad).toEqual({ ok: false, code: 'plate.format' });
    }
  });

  it('accepts every well-formed plate of each kind', () => {
    fc.assert(
      fc.property(ordinary, (p) => {
        expect(validatePlate(p)).toMatchObject({ ok: true, kind: 'ordinary' });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(newEnergySmall, newEnergyLarge), (p) => {
        expect(validatePlate(p)).toMatchObject({ ok: true, kind: 'new_energy' });
      }),
    );
    fc.assert(
      fc.property(suffixed, (p) => {
        const result = validatePlate(p);
        expect(result.ok).toBe(true);
        expect(result.ok && result.kind).not.toMatch(/^(ordinary|new_energy)$/);
      }),
    );
  });

  it('accepts a plate however it is written, and gives the same value', () => {
    fc.assert(
      fc.property(decorated, ({ plate, written }) => {
        expect(validatePlate(written)).toMatchObject({ ok: true, value: plate });
      }),
    );
  });

  it('rejects a plate whose serial contains I or O', () => {
    fc.assert(
      fc.property(ordinary, fc.integer({ min: 2, max: 6 }), fc.constantFrom('I', 'O'), (p, pos, letter) => {
        const bad = p.slice(0, pos) + letter + p.slice(pos + 1);
        expect(validatePlate(bad)).toEqual({ ok: false, code: 'plate.format' });
      }),
    );
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyValid), (s) => {
        const result = validatePlate(s);
        if (result.ok) expect(validatePlate(result.value)).toEqual(result);
      }),
    );
  });
});

describe('plateProvince', () => {
  it('names the issuing province', () => {
    expect(plateProvince('豫A12345')).toEqual({ abbr: '豫', name: '河南省', code: '41' });
    expect(plateProvince('京N8P8F8')).toEqual({ abbr: '京', name: '北京市', code: '11' });
    expect(plateProvince(' 粤b·12345')).toMatchObject({ abbr: '粤', code: '44' });
    expect(plateProvince('新A12345')).toMatchObject({ name: '新疆维吾尔自治区', code: '65' });
  });

  it('gives null for an unknown first character', () => {
    expect(plateProvince('XA12345')).toBeNull();
    expect(plateProvince('使A12345')).toBeNull();
    expect(plateProvince('')).toBeNull();
  });

  it('covers all 31 provinces, each with its own code, the same as the mainland province codes of ID numbers', () => {
    const abbrs = [...PLATE_PROVINCE_ABBRS];
    expect(abbrs).toHaveLength(31);
    expect(new Set(abbrs).size).toBe(31);
    for (const abbr of '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼') {
      expect(abbrs, abbr).toContain(abbr);
    }
    const codes = abbrs.map((a) => plateProvince(a)?.code);
    expect(new Set(codes).size).toBe(31);
    for (const code of codes) expect(MAINLAND_PROVINCE_CODES.has(code ?? '')).toBe(true);
  });
});
