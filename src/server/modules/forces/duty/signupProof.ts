import { randomInt, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { placeSignup } from '../../../../domain/forces/callupPlaces';
import {
  CODE_ATTEMPTS,
  CODE_TTL_SECONDS,
  formatCode,
  maySendCode,
  RESEND_SECONDS,
  readCode,
} from '../../../../domain/forces/signupProof';
import { type Locale, translate } from '../../../../domain/i18n/messages';
import { maskPhone, validatePhone } from '../../../../domain/validators/phone';
import type { Db } from '../../../db/connection';
import { AppError, notFound } from '../../../platform/errors';
import type { Services } from '../../../platform/services';
import { smsSenderOf } from '../../../platform/sms';
import { personPhoneIndex } from '../personRecord';
import { conflictError, fieldError } from './errors';
import * as q from './queries';

// The proof of a person behind a public sign-up: a code sent by SMS to the phone being signed up
// (domain/forces/signupProof.ts has the rules and the why). The code is kept as a keyed hash bound to the
// call-up and the phone; the sign-up spends it in its own transaction.

function codeHash(services: Services, callupId: string, phone: string, code: string): Buffer {
  return services.protector.blindIndex('callup.code', `${callupId}:${phone}:${code}`);
}

function tooMany(
  locale: Locale,
  key: 'duty.code_wait' | 'duty.code_phone_hour' | 'duty.callup_busy',
  seconds = 0,
) {
  return new AppError('rate_limited', key, { seconds }, [
    { path: 'phone', message: translate(locale, key, { seconds }) },
  ]);
}

export interface CodeAnswer {
  /** the phone the code went to, masked */
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
  /** only with the dev sender (WANGGE_SMS=dev: demo and tests): the code itself, shown on the page */
  devCode?: string;
}

/**
 * Sends a code to a phone for a call-up's sign-up. Refused for a closed or unknown call-up (404), a call-up
 * whose approvals fill it (409), a phone asking again within a minute or too often in an hour, and a
 * call-up sending more than its codes per minute (429). Codes of one call-up are counted under a lock on
 * its row, so several server processes keep one count.
 */
export async function sendSignupCode(
  services: Services,
  locale: Locale,
  token: string,
  input: { phone: string },
  log: FastifyBaseLogger,
): Promise<CodeAnswer> {
  const phone = validatePhone(input.phone);
  if (!phone.ok) throw fieldError(locale, 'phone', 'field.phone');
  const phoneHmac = personPhoneIndex(services.protector, phone.value);
  const code = formatCode(randomInt(0, 1_000_000));
  const { id, callupId, title } = await services.db.transaction().execute(async (tx) => {
    const c = await tx
      .selectFrom('callups')
      .select(['id', 'status', 'title'])
      .where('token', '=', token)
      .forUpdate()
      .executeTakeFirst();
    if (c?.status !== 'open') throw notFound();
    const places = await q.placeProgress(tx, c.id);
    const choice = placeSignup(
      places.map((p) => ({
        facilityId: p.facility_id,
        needed: p.needed,
        approved: Number(p.approved),
        pending: Number(p.applied),
      })),
    );
    if (!choice.ok) {
      const capacity = places.reduce((n, p) => n + p.needed, 0);
      throw new AppError('conflict', 'duty.callup_full', { capacity });
    }
    const history = await q.codeHistory(tx, c.id, phoneHmac);
    const decision = maySendCode({ ...history, callupPerMinute: services.config.callupCodesPerMinute });
    if (!decision.ok) {
      if (decision.reason === 'phone_wait') throw tooMany(locale, 'duty.code_wait', decision.seconds);
      throw tooMany(locale, decision.reason === 'phone_hour' ? 'duty.code_phone_hour' : 'duty.callup_busy');
    }
    const id = await q.insertCode(tx, {
      callupId: c.id,
      phoneHmac,
      codeHmac: codeHash(services, c.id, phone.value, code),
      ttlSeconds: CODE_TTL_SECONDS,
    });
    return { id, callupId: c.id, title: c.title };
  });
  const sender = smsSenderOf(services.config);
  try {
    await sender.send(phone.value, translate(locale, 'duty.code_sms', { title, code }), log);
  } catch (err) {
    log.error({ err, callupId }, 'SMS not sent');
    await q.deleteCode(services.db, id); // not sent: the phone may ask again at once
    throw new AppError('unavailable', 'duty.code_not_sent');
  }
  return {
    sentTo: maskPhone(phone.value),
    expiresInSeconds: CODE_TTL_SECONDS,
    resendInSeconds: RESEND_SECONDS,
    ...(sender.kind === 'dev' ? { devCode: code } : {}),
  };
}

/**
 * Checks the code typed for a sign-up (one try counted, kept whatever happens next); answers the code's
 * id for the sign-up to spend in its transaction. A 400 naming `code` when it is wrong or none is live.
 */
export async function checkSignupCode(
  services: Services,
  locale: Locale,
  callupId: string,
  phone: string,
  typed: string,
): Promise<string> {
  const code = readCode(typed);
  if (!code) throw fieldError(locale, 'code', 'duty.code_wrong');
  const row = await q.tryCode(
    services.db,
    callupId,
    personPhoneIndex(services.protector, phone),
    CODE_ATTEMPTS,
  );
  if (!row) throw fieldError(locale, 'code', 'duty.code_expired');
  const expected = codeHash(services, callupId, phone, code);
  if (row.code_hmac.length !== expected.length || !timingSafeEqual(row.code_hmac, expected))
    throw fieldError(locale, 'code', 'duty.code_wrong');
  return row.id;
}

/** Spends the checked code in the sign-up's transaction; refused when a parallel sign-up spent it. */
export async function spendSignupCode(db: Db, locale: Locale, codeId: string) {
  if (!(await q.spendCode(db, codeId))) throw conflictError(locale, 'code', 'duty.code_expired');
}
