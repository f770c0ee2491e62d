import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, toFullWidth } from '../testing/text';
import { maskPhone, normalisePhone, validatePhone } from './phone';

const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
/** area code with its trunk 0: 010, 02x, or 0 + three digits starting 3-9 */
const areaCode = fc.oneof(
  fc.constant('010'),
  fc.stringMatching(/^02\d$/),
  fc.stringMatching(/^0[3-9]\d{2}$/),
);
const localNumber = fc.stringMatching(/^[2-9]\d{6,7}$/);

/** writes a mobile the ways people do: grouped with spaces or dashes, with a country code, full-width */
const decoratedMobile = fc
  .tuple(
    mobile,
    fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '(+86)'),
    fc.constantFrom(' ', '-', '', '\u3000'),
    fc.boolean(),
  )
  .map(([m, prefix, sep, fullWidth]) => {
    const grouped = [m.slice(0, 3), m.slice(3, 7), m.slice(7)].join(sep);
    const written = ` ${prefix}${grouped} `;
    return { mobile: m, written: fullWidth ? toFullWidth(written) : written };
  });

describe('normalisePhone', () => {
  it('removes spaces, dashes and country codes', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('0086 13812345678')).toBe('13812345678');
    expect(normalisePhone('8613812345678')).toBe('13812345678');
    expect(normalisePhone(' 138 1234 5678 ')).toBe('13812345678');
  });

  it('turns full-width digits into half-width', () => {
    expect(normalisePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalisePhone('＋８６　１３８－１２３４－５６７８')).toBe('13812345678');
  });

  it('keeps landline digits, giving an international landline its trunk 0 back', () => {
    expect(normalisePhone('(0371) 1234 5678')).toBe('037112345678');
    expect(normalisePhone('（０３７１）１２３４５６７８')).toBe('037112345678');
    expect(normalisePhone('+86 371 12345678')).toBe('037112345678');
    expect(normalisePhone('+86 10 12345678')).toBe('01012345678');
  });

  it('does not strip a bare 86 that is part of a landline or of junk', () => {
    expect(normalisePhone('86123')).toBe('86123');
  });
});

describe('validatePhone', () => {
  it('accepts mainland mobiles 1[3-9]xxxxxxxxx', () => {
    expect(validatePhone('13812345678')).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
    expect(validatePhone('+86 199 0000 1111')).toEqual({ ok: true, value: '19900001111', kind: 'mobile' });
    expect(validatePhone('１６６１２３４５６７８')).toMatchObject({ ok: true, value: '16612345678' });
  });

  it('rejects numbers that are not mobiles or landlines', () => {
    for (const bad of [
      '',
      '12812345678', // no 12x mobile prefix
      '10012345678',
      '1381234567', // 10 digits
      '138123456789', // 12 digits
      '23812345678',
      '138-1234-567a',
      '+1 415 555 0100',
      'phone',
    ]) {
      expect(validatePhone(bad), bad).toEqual({ ok: false, code: 'phone.format' });
    }
  });

  it('accepts landlines and gives them the canonical area-local form', () => {
    expect(validatePhone('0371-62345678')).toEqual({ ok: true, value: '0371-62345678', kind: 'landline' });
    expect(validatePhone('037162345678')).toEqual({ ok: true, value: '0371-62345678', kind: 'landline' });
    expect(validatePhone('(0371)6234567')).toEqual({ ok: true, value: '0371-6234567', kind: 'landline' });
    expect(validatePhone('010-62345678')).toEqual({ ok: true, value: '010-62345678', kind: 'landline' });
    expect(validatePhone('021 6234 5678')).toEqual({ ok: true, value: '021-62345678', kind: 'landline' });
    expect(validatePhone('+86-371-62345678')).toEqual({ ok: true, value: '0371-62345678', kind: 'landline' });
    expect(validatePhone('+86 10 62345678')).toEqual({ ok: true, value: '010-62345678', kind: 'landline' });
  });

  it('rejects malformed landlines', () => {
    for (const bad of [
      '0371-0234567', // local number starting 0
      '0371-1234567', // local numbers never start with 1 (1xx are service numbers)
      '0371-12345678',
      '0371-623456', // 6 digits
      '0371-623456789', // 9 digits
      '0011-62345678', // no area code 00x
      '371-62345678', // missing trunk 0
    ]) {
      expect(validatePhone(bad), bad).toEqual({ ok: false, code: 'phone.format' });
    }
  });

  it('accepts any mobile however it is written, and gives the same value', () => {
    fc.assert(
      fc.property(decoratedMobile, ({ mobile: m, written }) => {
        expect(validatePhone(written)).toEqual({ ok: true, value: m, kind: 'mobile' });
      }),
    );
  });

  it('accepts any landline, with or without separators', () => {
    fc.assert(
      fc.property(areaCode, localNumber, fc.constantFrom('-', '', ' ', ')'), (area, local, sep) => {
        const written = sep === ')' ? `(${area})${local}` : `${area}${sep}${local}`;
        expect(validatePhone(written)).toEqual({ ok: true, value: `${area}-${local}`, kind: 'landline' });
      }),
    );
  });

  it('is idempotent: a valid value validates to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          decoratedMobile.map((d) => d.written),
        ),
        (s) => {
          const result = validatePhone(s);
          if (result.ok) expect(validatePhone(result.value)).toEqual(result);
        },
      ),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(typeof validatePhone(s).ok).toBe('boolean');
        expect(typeof maskPhone(s)).toBe('string');
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('keeps the area code and last 4 digits of a landline', () => {
    expect(maskPhone('0371-62345678')).toBe('0371-****5678');
    expect(maskPhone('010 6234567')).toBe('010-***4567');
  });

  it('keeps only the last 4 characters of anything else', () => {
    expect(maskPhone('12345')).toBe('*2345');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone('')).toBe('');
  });

  it('never shows the middle four digits of a mobile', () => {
    fc.assert(
      fc.property(decoratedMobile, ({ mobile: m, written }) => {
        const masked = maskPhone(written);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
      }),
    );
  });
});
