import type { Actor } from '../platform/access';
import type { Services } from '../platform/services';

// The demo city's call-up, shift patterns and a published roster (filled in by the duty work).
export async function seedDemoDuty(_services: Services, _actor: Actor): Promise<{ shifts: number }> {
  return { shifts: 0 };
}
