import { describe, expect, it } from 'vitest';
import { CODES_PER_PHONE_PER_HOUR, formatCode, maySendCode, RESEND_SECONDS, readCode } from './signupProof';

const quiet = { sinceLastForPhone: null, phoneLastHour: 0, callupLastMinute: 0, callupPerMinute: 60 };

describe('maySendCode', () => {
  it('sends to a phone that has asked nothing', () => {
    expect(maySendCode(quiet)).toEqual({ ok: true });
  });

  it('makes the same phone wait a minute between codes, saying how long', () => {
    expect(maySendCode({ ...quiet, sinceLastForPhone: 15.2, phoneLastHour: 1 })).toEqual({
      ok: false,
      reason: 'phone_wait',
      seconds: 45,
    });
    expect(maySendCode({ ...quiet, sinceLastForPhone: RESEND_SECONDS, phoneLastHour: 1 })).toEqual({
      ok: true,
    });
  });

  it('sends a phone a few codes an hour at most', () => {
    expect(
      maySendCode({ ...quiet, sinceLastForPhone: 300, phoneLastHour: CODES_PER_PHONE_PER_HOUR }),
    ).toEqual({ ok: false, reason: 'phone_hour' });
  });

  it('holds a call-up to its codes per minute, whatever the addresses and phones', () => {
    expect(maySendCode({ ...quiet, callupLastMinute: 59 })).toEqual({ ok: true });
    expect(maySendCode({ ...quiet, callupLastMinute: 60 })).toEqual({ ok: false, reason: 'callup_busy' });
  });
});

describe('codes', () => {
  it('are six digits', () => {
    expect(formatCode(42)).toBe('000042');
    expect(formatCode(999_999)).toBe('999999');
  });

  it('are read as typed: full-width digits and spaces forgiven, anything else refused', () => {
    expect(readCode(' 123 456 ')).toBe('123456');
    expect(readCode('１２３４５６')).toBe('123456');
    expect(readCode('12345')).toBeNull();
    expect(readCode('12345a')).toBeNull();
    expect(readCode('1234567')).toBeNull();
  });
});
