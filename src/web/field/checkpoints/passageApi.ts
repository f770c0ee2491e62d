import type { PassageAnswer, PassageBody } from '../../http/checkpoints';
import { post } from '../../http/client';

/**
 * The one way a passage leaves the phone: POST /api/checkpoints/passages. The body carries the client
 * UUID made when the form opened; the server answers a replay of it with the first result (DESIGN rule 4),
 * so the offline queue can route every passage through here and send it again until it is answered.
 */
export function submitPassage(body: PassageBody): Promise<PassageAnswer> {
  return post<PassageAnswer>('/api/checkpoints/passages', body);
}
