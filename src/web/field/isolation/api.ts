import { get } from '../../http/client';
import { getClock } from '../../http/clock';
import { fieldWrite } from '../offline/fieldQueue';
import type { CheckBody } from './checkDraft';
import { CHECK_KIND, checkUrl, type DueAnswer } from './dueList';
import type { KeptClock } from './platformTime';

// The phone's own calls of the isolation API (docs/api.md, "Key persons and isolation").

export const fieldIsolationKeys = {
  all: ['field-isolation'] as const,
  due: ['field-isolation', 'due'] as const,
  clock: ['field-isolation', 'clock'] as const,
  threshold: (id: string) => ['field-isolation', 'threshold', id] as const,
};

/** Today's checks due for the people the caller answers for (专人负责), overdue first. */
export const getDueChecks = (signal?: AbortSignal) =>
  get<DueAnswer>('/api/isolation/checks/due', undefined, signal);

/** The deployment's fever threshold, as a key person's page gives it. */
export async function getFeverThreshold(keyPersonId: string, signal?: AbortSignal): Promise<number> {
  const person = await get<{ feverThresholdC: number }>(
    `/api/isolation/key-persons/${encodeURIComponent(keyPersonId)}`,
    undefined,
    signal,
  );
  return person.feverThresholdC;
}

/** The platform's clock with the phone's time it was heard at. */
export async function getKeptClock(signal?: AbortSignal): Promise<KeptClock> {
  const c = await getClock(signal);
  return { today: c.today, now: c.now, phoneAt: Date.now() };
}

export type CheckSent =
  | { state: 'sent' }
  | { state: 'queued' }
  | { state: 'refused'; message: string; fields: string[] };

/**
 * The one way a check leaves the phone: through the field's offline queue, with the client UUID made
 * when the form opened. Sent now, or kept on the phone and sent when the network returns; the server
 * answers a replay of the UUID with the first check (DESIGN rule 4). `label` is what the queue shows.
 */
export async function submitCheck(keyPersonId: string, body: CheckBody, label: string): Promise<CheckSent> {
  const r = await fieldWrite({
    clientId: body.clientId,
    kind: CHECK_KIND,
    label,
    url: checkUrl(keyPersonId),
    body,
  });
  if (r.state === 'refused')
    return {
      state: 'refused',
      message: r.error.message,
      fields: (r.error.fields ?? []).map((f) => f.message),
    };
  return { state: r.state };
}
