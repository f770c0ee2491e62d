import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, toFullWidth } from '../testing/text';
import {
  generateIdNumber,
  idNumberCheckChar,
  looksLikeExcelMangled,
  MAINLAND_PROVINCE_CODES,
  maskIdNumber,
  normaliseIdNumber,
  PROVINCE_CODES,
  randomIdNumber,
  remaskIdNumber,
  validateIdNumber,
} from './idNumber';

const TODAY = new Date(2025, 0, 15); // a fixed "today" (local date 2025-01-15)
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** '１２３' for '123': the full-width forms people get from Chinese input methods. */
/** a valid ID from its first 17 digits */
function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

/** a small seeded generator (mulberry32) so that randomIdNumber runs are reproducible */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const provinceCode = fc.constantFrom(...PROVINCE_CODES);
const regionCode = fc.oneof(
  // citizens and residence permits: province + 4 digits
  fc.tuple(provinceCode, fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0')),
  // foreigners' permanent residence ID: 9 + issuing province + 3-digit nationality code
  fc
    .tuple(fc.constantFrom(...MAINLAND_PROVINCE_CODES), fc.integer({ min: 0, max: 999 }))
    .map(([p, n]) => `9${p}${String(n).padStart(3, '0')}`),
);
const birthDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 0, 15)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 0, max: 999 });
const validId = fc
  .record({ regionCode, birthDate, sequence })
  .map((params) => ({ params, id: generateIdNumber(params) }));

describe('idNumberCheckChar (MOD 11-2 校验码)', () => {
  it('gives X for the example in GB 11643 (11010519491231002X)', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('gives digits for other known numbers', () => {
    expect(idNumberCheckChar('41010519900307123')).toBe('X');
    expect(idNumberCheckChar('41010520000229001')).toBe('4');
    expect(idNumberCheckChar('00000000000000000')).toBe('1');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('110105194912310021')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });

  it('satisfies ISO 7064 MOD 11-2: Σ digit·weight + check ≡ 1 (mod 11), with X = 10', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const c = idNumberCheckChar(first17);
        const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
        expect((sum + (c === 'X' ? 10 : Number(c))) % 11).toBe(1);
      }),
    );
  });
});

describe('normaliseIdNumber', () => {
  it('trims and removes spaces, including full-width and zero-width ones', () => {
    expect(normaliseIdNumber('  110105 19491231 002X ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105\u300019491231\u200b002X\t')).toBe('11010519491231002X');
  });

  it('turns full-width digits and letters into half-width', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('upper-cases x and drops the Excel text marker apostrophe', () => {
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdNumber("'11010519491231002X")).toBe('11010519491231002X');
  });

  it('is idempotent, and a full-width copy normalises to the same value', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normaliseIdNumber(s);
        expect(normaliseIdNumber(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(validId, ({ id }) => {
        expect(normaliseIdNumber(toFullWidth(id))).toBe(id);
        expect(normaliseIdNumber(id.toLowerCase())).toBe(id);
      }),
    );
  });
});

describe('validateIdNumber', () => {
  it('accepts 11010519491231002X and reads birth date, sex and region', () => {
    expect(validateIdNumber('11010519491231002X', { today: TODAY })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female', // 17th digit 2 is even
      regionCode: '110105',
    });
  });

  it('reads an odd 17th digit as male', () => {
    const id = withCheck('41010519900307123');
    expect(validateIdNumber(id, { today: TODAY })).toMatchObject({
      ok: true,
      sex: 'male',
      birthDate: '1990-03-07',
    });
  });

  it('accepts a lowercase x check character', () => {
    expect(validateIdNumber('11010519491231002x', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts full-width input (全角) with spaces', () => {
    const result = validateIdNumber(' ４１０１０５　１９９００３０７　１２３Ｘ ', { today: TODAY });
    expect(result).toMatchObject({ ok: true, value: '41010519900307123X', regionCode: '410105' });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021', { today: TODAY })).toEqual({
      ok: false,
      code: 'id.checksum',
    });
    expect(validateIdNumber('410105199003071230', { today: TODAY })).toMatchObject({ code: 'id.checksum' });
  });

  it('rejects a wrong length, including old 15-digit numbers', () => {
    expect(validateIdNumber('', { today: TODAY })).toEqual({ ok: false, code: 'id.length' });
    expect(validateIdNumber('11010519491231002', { today: TODAY })).toMatchObject({ code: 'id.length' });
    expect(validateIdNumber('11010519491231002X1', { today: TODAY })).toMatchObject({ code: 'id.length' });
    expect(validateIdNumber('110105491231002', { today: TODAY })).toMatchObject({ code: 'id.length' });
  });

  it('rejects letters or an X anywhere but the end', () => {
    expect(validateIdNumber('1101051949123100X2', { today: TODAY })).toMatchObject({ code: 'id.chars' });
    expect(validateIdNumber('11010519491231002A', { today: TODAY })).toMatchObject({ code: 'id.chars' });
    expect(validateIdNumber('11010519491231-02X', { today: TODAY })).toMatchObject({ code: 'id.chars' });
  });

  it('rejects February 30th and other dates that do not exist', () => {
    for (const date of ['19900230', '19900431', '19901301', '19900001', '19900100', '19000229', '20230229']) {
      const id = withCheck(`410105${date}123`);
      expect(validateIdNumber(id, { today: TODAY }), date).toEqual({ ok: false, code: 'id.birth_date' });
    }
  });

  it('accepts leap days in leap years', () => {
    expect(validateIdNumber(withCheck('41010520000229001'), { today: TODAY })).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(validateIdNumber(withCheck('41010519960229002'), { today: TODAY })).toMatchObject({ ok: true });
  });

  it('rejects a birth date in the future, but accepts today', () => {
    expect(validateIdNumber(withCheck('41010520250116001'), { today: TODAY })).toMatchObject({
      code: 'id.birth_date',
    });
    expect(validateIdNumber(withCheck('41010520300101001'), { today: TODAY })).toMatchObject({
      code: 'id.birth_date',
    });
    expect(validateIdNumber(withCheck('41010520250115001'), { today: TODAY })).toMatchObject({ ok: true });
  });

  it('rejects a birth date before 1900', () => {
    expect(validateIdNumber(withCheck('41010518991231001'), { today: TODAY })).toMatchObject({
      code: 'id.birth_date',
    });
    expect(validateIdNumber(withCheck('41010519000101001'), { today: TODAY })).toMatchObject({ ok: true });
  });

  it('judges the future by the real date when no today is given', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(validateIdNumber(withCheck(`410105${nextYear}0101001`))).toMatchObject({ code: 'id.birth_date' });
    expect(validateIdNumber('11010519491231002X')).toMatchObject({ ok: true });
  });

  it('rejects an address code outside the province codes', () => {
    for (const prefix of [
      '00',
      '10',
      '16',
      '20',
      '38',
      '47',
      '55',
      '60',
      '66',
      '72',
      '80',
      '84',
      '90',
      '99',
    ]) {
      const id = withCheck(`${prefix}010519900307123`);
      expect(validateIdNumber(id, { today: TODAY }), prefix).toEqual({ ok: false, code: 'id.region' });
    }
    for (const prefix of ['71', '81', '82', '83']) {
      expect(validateIdNumber(withCheck(`${prefix}000019900307123`), { today: TODAY }).ok, prefix).toBe(true);
    }
  });

  it("accepts the 2023 foreigners' permanent residence ID: 9, the issuing province, nationality", () => {
    // 9 + 44 (Guangdong) + 840 (nationality code) + birth date + sequence + check
    expect(validateIdNumber(withCheck('94484019850612003'), { today: TODAY })).toMatchObject({
      ok: true,
      regionCode: '944840',
      birthDate: '1985-06-12',
    });
    expect(validateIdNumber(withCheck('91115619850612003'), { today: TODAY }).ok).toBe(true);
    for (const bad of ['900840', '917840', '971840', '999999']) {
      expect(validateIdNumber(withCheck(`${bad}19850612003`), { today: TODAY }), bad).toMatchObject({
        code: 'id.region',
      });
    }
  });

  it('marks the Excel-damaged forms', () => {
    expect(validateIdNumber('4.10105E+17', { today: TODAY })).toEqual({
      ok: false,
      code: 'id.length',
      excelMangled: true,
    });
    expect(validateIdNumber('410105199003071000', { today: TODAY })).toEqual({
      ok: false,
      code: 'id.checksum',
      excelMangled: true,
    });
    expect(validateIdNumber('110105194912310021', { today: TODAY })).not.toHaveProperty('excelMangled');
  });

  it('accepts every generated ID and round-trips birth date, sex and region', () => {
    fc.assert(
      fc.property(validId, ({ params, id }) => {
        const result = validateIdNumber(id, { today: TODAY });
        expect(result).toEqual({
          ok: true,
          value: id,
          birthDate: params.birthDate,
          sex: params.sequence % 2 === 1 ? 'male' : 'female',
          regionCode: params.regionCode,
        });
      }),
    );
  });

  it('fails the checksum when any single character of a valid ID is changed', () => {
    const change = fc
      .tuple(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }))
      .map(([{ id }, pos, shift]) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id[pos]);
        const replacement = alphabet[(current + shift) % alphabet.length];
        return { id, changed: id.slice(0, pos) + replacement + id.slice(pos + 1) };
      })
      .filter(({ id, changed }) => id !== changed);
    fc.assert(
      fc.property(change, ({ changed }) => {
        expect(validateIdNumber(changed, { today: TODAY })).toMatchObject({ ok: false, code: 'id.checksum' });
      }),
    );
  });

  it('fails the checksum when two different adjacent digits are swapped', () => {
    const swap = fc
      .tuple(validId, fc.integer({ min: 0, max: 15 }))
      .filter(([{ id }, i]) => id[i] !== id[i + 1])
      .map(([{ id }, i]) => id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
    fc.assert(
      fc.property(swap, (swapped) => {
        expect(validateIdNumber(swapped, { today: TODAY })).toMatchObject({ ok: false, code: 'id.checksum' });
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.stringMatching(/^[\dxX ]{0,20}$/)), (s) => {
        const result = validateIdNumber(s, { today: TODAY });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('looksLikeExcelMangled', () => {
  it('spots scientific notation with exponent 17', () => {
    expect(looksLikeExcelMangled('4.10105E+17')).toBe(true);
    expect(looksLikeExcelMangled('4.1E+17')).toBe(true);
    expect(looksLikeExcelMangled('4.10105e+17')).toBe(true);
    expect(looksLikeExcelMangled('4E17')).toBe(true);
    expect(looksLikeExcelMangled('4,10105E+17')).toBe(true);
    expect(looksLikeExcelMangled(' ４.１０１０５Ｅ+１７ ')).toBe(true);
  });

  it('spots 18 digits ending in 000 whose check fails', () => {
    expect(looksLikeExcelMangled('410105199003071000')).toBe(true);
    expect(looksLikeExcelMangled('110105194912310000')).toBe(true);
  });

  it('leaves a genuine ID ending in 000 alone', () => {
    // sequence 400, check character 0: a real number that happens to end in 000
    const id = '410105199003074000';
    expect(validateIdNumber(id, { today: TODAY }).ok).toBe(true);
    expect(looksLikeExcelMangled(id)).toBe(false);
  });

  it('is false for valid IDs and for other junk', () => {
    expect(looksLikeExcelMangled('11010519491231002X')).toBe(false);
    expect(looksLikeExcelMangled('4.10105E+16')).toBe(false);
    expect(looksLikeExcelMangled('41010519900307100')).toBe(false);
    expect(looksLikeExcelMangled('abc')).toBe(false);
    expect(looksLikeExcelMangled('')).toBe(false);
    fc.assert(
      fc.property(validId, ({ id }) => {
        expect(looksLikeExcelMangled(id)).toBe(false);
      }),
    );
  });

  it('is true for every valid ID whose last three characters Excel zeroed (unless it was already 000)', () => {
    fc.assert(
      fc.property(
        validId.filter(({ id }) => !id.endsWith('000') && !id.endsWith('X')),
        ({ id }) => {
          const damaged = `${id.slice(0, 15)}000`;
          const checkPasses = idNumberCheckChar(damaged.slice(0, 17)) === '0';
          expect(looksLikeExcelMangled(damaged)).toBe(!checkPasses);
        },
      ),
    );
  });
});

describe('generateIdNumber', () => {
  it('builds the ID with the right check character', () => {
    expect(generateIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(
      '11010519491231002X',
    );
    expect(generateIdNumber({ regionCode: '110105', birthDate: '19491231', sequence: '002' })).toBe(
      '11010519491231002X',
    );
  });

  it('refuses implausible parameters', () => {
    expect(() => generateIdNumber({ regionCode: '990105', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '41010', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '410105', birthDate: '1990-02-30', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '410105', birthDate: '1899-12-31', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '410105', birthDate: '1990-01-01', sequence: 1000 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '410105', birthDate: '1990-01-01', sequence: -1 })).toThrow(
      RangeError,
    );
    expect(() => generateIdNumber({ regionCode: '410105', birthDate: '1990-01-01', sequence: '12' })).toThrow(
      RangeError,
    );
  });
});

describe('randomIdNumber', () => {
  it('draws valid IDs within the options, reproducibly from a seed', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom<'male' | 'female' | undefined>('male', 'female', undefined),
        (seed, sex) => {
          const options = {
            regionCodes: ['410105', '410102'],
            birthFrom: '1950-01-01',
            birthTo: '1950-12-31',
            sex,
          };
          const id = randomIdNumber(mulberry32(seed), options);
          expect(randomIdNumber(mulberry32(seed), options)).toBe(id);
          const result = validateIdNumber(id, { today: TODAY });
          if (!result.ok) throw new Error(`invalid ${id}: ${result.code}`);
          expect(['410105', '410102']).toContain(result.regionCode);
          expect(result.birthDate.startsWith('1950-')).toBe(true);
          if (sex) expect(result.sex).toBe(sex);
        },
      ),
    );
  });

  it('covers both ends of the birth range and tolerates an rng that returns values near 1', () => {
    const first = randomIdNumber(() => 0, { birthFrom: '1980-05-06', birthTo: '1980-05-07' });
    const last = randomIdNumber(() => 0.999999999, { birthFrom: '1980-05-06', birthTo: '1980-05-07' });
    expect(validateIdNumber(first, { today: TODAY })).toMatchObject({ ok: true, birthDate: '1980-05-06' });
    expect(validateIdNumber(last, { today: TODAY })).toMatchObject({ ok: true, birthDate: '1980-05-07' });
  });
});

describe('maskIdNumber', () => {
  it('keeps only the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumber('E1234567')).toBe('********');
    expect(maskIdNumber('E12345678')).toBe('*****5678');
  });

  it("remasks a mask of the older rule (first and last four) as today, and leaves today's as it is", () => {
    expect(remaskIdNumber('1101**********002X')).toBe('**************002X');
    expect(remaskIdNumber('**************002X')).toBe('**************002X');
    expect(remaskIdNumber(maskIdNumber('11010519491231002X'))).toBe(maskIdNumber('11010519491231002X'));
    expect(remaskIdNumber('********')).toBe('********');
    expect(remaskIdNumber(null)).toBeNull();
  });
});
