// The proof of a person behind a public call-up sign-up (招募令报名验证码): the link is public, so without
// it a script with a few addresses and invented phone numbers fills the call-up's pending list (100
// sign-ups from 6 addresses in 2 s), and real volunteers read 报名将候补 or 名额已满. A sign-up now needs
// a code sent by SMS to the phone it signs up; codes are limited per phone and per call-up, so neither
// one phone nor a crowd of addresses can make the call-up send without end.

/** How long a code may be used (seconds). */
export const CODE_TTL_SECONDS = 10 * 60;
/** How long before the same phone may ask the same call-up again (seconds). */
export const RESEND_SECONDS = 60;
/** Codes one phone may ask of one call-up in an hour. */
export const CODES_PER_PHONE_PER_HOUR = 5;
/** Tries at one code (a wrong code six times running is a guess, not a typo). */
export const CODE_ATTEMPTS = 5;

/** What has been sent for a call-up, as the limits need it. */
export interface CodeHistory {
  /** seconds since this phone's last unspent code for this call-up, null if none in the last hour (a
   *  code spent by a sign-up does not make the phone wait) */
  sinceLastForPhone: number | null;
  /** codes for this phone and call-up in the last hour */
  phoneLastHour: number;
  /** codes for this call-up (every phone) in the last minute */
  callupLastMinute: number;
  /** what the deployment allows a call-up per minute */
  callupPerMinute: number;
}

export type CodeDecision =
  | { ok: true }
  | { ok: false; reason: 'phone_wait'; seconds: number }
  | { ok: false; reason: 'phone_hour' }
  | { ok: false; reason: 'callup_busy' };

/** May a code be sent now? The phone's own limits first (they say how long to wait), then the call-up's. */
export function maySendCode(h: CodeHistory): CodeDecision {
  if (h.sinceLastForPhone !== null && h.sinceLastForPhone < RESEND_SECONDS)
    return {
      ok: false,
      reason: 'phone_wait',
      seconds: Math.max(1, Math.ceil(RESEND_SECONDS - h.sinceLastForPhone)),
    };
  if (h.phoneLastHour >= CODES_PER_PHONE_PER_HOUR) return { ok: false, reason: 'phone_hour' };
  if (h.callupLastMinute >= h.callupPerMinute) return { ok: false, reason: 'callup_busy' };
  return { ok: true };
}

/** A six-digit code from a random integer below 1,000,000 (the caller draws it with crypto.randomInt). */
export function formatCode(n: number): string {
  return String(Math.trunc(n) % 1_000_000).padStart(6, '0');
}

/** A code as typed: six digits, full-width digits and spaces forgiven; null when it cannot be one. */
export function readCode(typed: string): string | null {
  const digits = typed
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
