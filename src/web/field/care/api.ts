import type { CareRequest } from '../../http/care';
import { fieldWrite } from '../offline/fieldQueue';
import { DELIVER_KIND, deliverUrl, TAKE_KIND, takeUrl } from './tasks';

// The volunteer's two writes (接单, 送达), both through the field's offline queue with a client UUID:
// sent now, or kept on the phone and sent when the network returns. The server answers a replay with
// the same result (taking one's own again, the same delivery again: 200 and the request).

export type CareSent =
  | { state: 'sent'; request: CareRequest }
  | { state: 'queued' }
  | { state: 'refused'; message: string; fields: string[] };

async function send(req: Parameters<typeof fieldWrite>[0]): Promise<CareSent> {
  const r = await fieldWrite(req);
  if (r.state === 'refused')
    return {
      state: 'refused',
      message: r.error.message,
      fields: (r.error.fields ?? []).map((f) => f.message),
    };
  if (r.state === 'queued') return { state: 'queued' };
  return { state: 'sent', request: r.body as CareRequest };
}

/** 接单: the request becomes the caller's task. `label` is what the queue shows. */
export function takeTask(id: string, clientId: string, label: string): Promise<CareSent> {
  return send({ clientId, kind: TAKE_KIND, label, url: takeUrl(id) });
}

/** 送达: with who received it at the door (本人, 家属, a name) and a note. */
export function deliverTask(
  id: string,
  clientId: string,
  body: { receivedBy: string; note?: string },
  label: string,
): Promise<CareSent> {
  return send({ clientId, kind: DELIVER_KIND, label, url: deliverUrl(id), body });
}
