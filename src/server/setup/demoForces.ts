import type { Actor } from '../platform/access';
import type { Services } from '../platform/services';

// The demo city's forces: people, branches and teams, 包保 (filled in by the forces registry work).
export async function seedDemoForces(_services: Services, _actor: Actor): Promise<{ people: number }> {
  return { people: 0 };
}
