import { randomBytes } from 'node:crypto';
import { type CareRequestForm, checkCareRequest, doorText } from '../../../domain/care/request';
import type { Locale } from '../../../domain/i18n/messages';
import { recordKey } from '../../../domain/ledger/household';
import { shanghaiDay } from '../../../domain/time/shanghai';
import { platformNow } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { conflict, type Doer, issuesError } from './common';
import * as q from './queries';
import { careHousehold, insertChecked } from './requests';
import { toPublicRequest } from './views';

// The household's own link (扫码下单): a token per household, printed as a QR code for its door or sent to
// its WeChat, that lets it ask for goods and help with no login, and see its own requests and nothing
// else. The office gives it (care.manage) and may replace it (the old one stops at once) or take it back.
// Public routes are rate-limited per address (routes); asking is replay-safe by the client's UUID (the
// same UUID answers the first request); at most MAX_OPEN requests of a household wait at once, counted
// under a lock of its link so that requests sent together cannot pass it.

export const MAX_OPEN = 5;
/** the household's requests its page shows, newest first */
const SHOWN = 30;

const newToken = () => randomBytes(24).toString('base64url');

/** The household's link: made when it has none (or a new one with `renew`), for care.manage at its place. */
export async function giveLink(services: Services, actor: Doer, key: string, input: { renew?: boolean }) {
  const now = platformNow(services.config);
  const h = await careHousehold(services, key, now);
  if (!h) throw notFound();
  const hh = h.household;
  actor.scope.check('care.manage', hh.unit_path);
  // a link to ask for care only for a household the care covers
  if (h.reasons.length === 0) throw conflict(actor.locale, 'care.not_eligible', '');
  await q.putLink(
    services.db,
    {
      regionCode: hh.region_code,
      householdId: hh.id,
      unitPath: hh.unit_path,
      token: newToken(),
      by: actor.userId,
    },
    input.renew === true,
  );
  const link = await q.linkOf(services.db, hh.region_code, hh.id);
  if (!link) throw notFound();
  return { householdKey: recordKey(hh.region_code, hh.id), token: link.token, createdAt: link.created_at };
}

/** Takes the household's link back: its QR code stops working. */
export async function takeLinkBack(services: Services, actor: Doer, key: string) {
  const h = await careHousehold(services, key, platformNow(services.config));
  if (!h) throw notFound();
  actor.scope.check('care.manage', h.household.unit_path);
  await q.deleteLink(services.db, h.household.region_code, h.household.id);
}

async function linked(services: Services, token: string) {
  const link = await q.linkByToken(services.db, token);
  if (!link) throw notFound();
  const now = platformNow(services.config);
  const h = await careHousehold(services, recordKey(link.region_code, link.household_id), now);
  if (!h) throw notFound();
  return { link, h, now };
}

/**
 * What the household's page shows: its door, whether it may ask today (not why: a token passed on tells
 * no one the family is 低保 or isolated), its own latest requests.
 */
export async function publicHousehold(services: Services, locale: Locale, token: string) {
  const { h, now } = await linked(services, token);
  const hh = h.household;
  const rows = await q.requestsOfHousehold(services.db, hh.region_code, hh.id, SHOWN);
  return {
    address: `${hh.unit_name} ${doorText(hh.entrance, hh.door, locale)}`.trim(),
    today: shanghaiDay(now.getTime()),
    eligible: h.reasons.length > 0,
    maxOpen: MAX_OPEN,
    requests: rows.map((r) => toPublicRequest(r, now)),
  };
}

/** The household asks through its link: checked as a worker's request, replay-safe by clientId. */
export async function publicAsk(
  services: Services,
  locale: Locale,
  token: string,
  body: CareRequestForm & { clientId: string },
) {
  const { db } = services;
  const { link, h, now } = await linked(services, token);
  const replay = async () => {
    const first = await q.requestByClientId(db, link.region_code, body.clientId);
    if (!first) return undefined;
    // another household's UUID says nothing of it
    if (first.household_id !== link.household_id) throw notFound();
    return { created: false, request: toPublicRequest(first, now) };
  };
  const again = await replay();
  if (again) return again;
  const checked = checkCareRequest(body, now.getTime());
  if (!checked.ok) throw issuesError(locale, checked.issues);
  if (h.reasons.length === 0) throw conflict(locale, 'care.link_not_eligible', '');
  const key = await insertChecked(
    services,
    h,
    checked.value,
    { clientId: body.clientId, source: 'household', userId: null, name: '' },
    async (tx) => {
      // the link may have been replaced meanwhile; the open requests are counted one sender at a time
      if (!(await q.lockLink(tx, token))) throw notFound();
      // the same UUID sent twice at once: the second finds the first here, and its insert does nothing
      if (await q.requestByClientId(tx, link.region_code, body.clientId)) return;
      if ((await q.openRequestsOf(tx, link.region_code, link.household_id)) >= MAX_OPEN)
        throw conflict(locale, 'care.too_many_open', '', { max: MAX_OPEN });
    },
  );
  if (!key) {
    const first = await replay();
    if (first) return first;
    throw notFound();
  }
  const row = await q.requestByClientId(db, link.region_code, body.clientId);
  if (!row) throw notFound();
  return { created: true, request: toPublicRequest(row, now) };
}
