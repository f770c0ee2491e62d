import type { PassageAnswer, PassageBody } from '../../http/checkpoints';
import { fieldWrite } from '../offline/fieldQueue';

/** What became of a passage: answered by the server, kept on the phone for later, or refused. */
export type PassageSent =
  | { state: 'sent'; passage: PassageAnswer }
  | { state: 'queued' }
  | { state: 'refused'; message: string };

/**
 * The one way a passage leaves the phone: through the field's offline queue to POST
 * /api/checkpoints/passages. The body carries the client UUID made when the form opened; without a
 * network the passage is kept on the phone and sent when the network returns, and since the server
 * answers a replay of the UUID with its first result (DESIGN rule 4), sending it again never makes a
 * second passage. `label` is what the queue shows of it ("通行登记：豫A12345，2 人").
 */
export async function submitPassage(body: PassageBody, label: string): Promise<PassageSent> {
  const r = await fieldWrite({
    clientId: body.clientId,
    kind: 'checkpoint.passage',
    label,
    url: '/api/checkpoints/passages',
    body,
  });
  if (r.state === 'sent') return { state: 'sent', passage: r.body as PassageAnswer };
  if (r.state === 'queued') return { state: 'queued' };
  return { state: 'refused', message: r.error.message };
}
