import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, validatePhone } from './phone';

describe('phone numbers', () => {
  it('accepts mobiles however they are written', () => {
    for (const written of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '0086 13812345678', '8613812345678', '１３８１２３４５６７８']) {
      expect(validatePhone(written), written).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
    }
  });

  it('accepts landlines with their area code, in one canonical form', () => {
    expect(validatePhone('0371-67891234')).toEqual({ ok: true, value: '0371-67891234', kind: 'landline' });
    expect(validatePhone('(0371) 6789 1234')).toEqual({ ok: true, value: '0371-67891234', kind: 'landline' });
    expect(validatePhone('010 62345678')).toEqual({ ok: true, value: '010-62345678', kind: 'landline' });
  });

  it('refuses what cannot be dialled', () => {
    for (const bad of ['', '12345', '12812345678', '1381234567', '138123456789', 'abc', '0371-1234']) {
      expect(validatePhone(bad), bad).toEqual({ ok: false, code: 'phone.format' });
    }
  });

  it('masks for lists', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0371-67891234')).toBe('0371-****1234');
  });

  it('normalises idempotently and every valid mobile round-trips', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        const v = validatePhone(`+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)} ${mobile.slice(7)}`);
        expect(v).toEqual({ ok: true, value: mobile, kind: 'mobile' });
        expect(normalisePhone(normalisePhone(mobile))).toBe(mobile);
      }),
    );
  });
});
