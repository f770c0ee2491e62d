import { describe, expect, it } from 'vitest';
import {
  BUILTIN_GROUP_KIND_DEFS,
  customGroupKinds,
  findGroupKind,
  groupKinds,
  mayNest,
  roleProblem,
} from './groupKinds';

describe('group kinds', () => {
  it('has the built-in kinds, with the deployment kinds after them', () => {
    const custom = customGroupKinds.parse([{ key: 'delivery_team', zh: '代购配送队', en: 'delivery team' }]);
    const all = groupKinds(custom);
    expect(all.slice(0, 7).every((k) => k.builtin)).toBe(true);
    expect(findGroupKind('delivery_team', custom)).toMatchObject({
      party: false,
      branch: false,
      builtin: false,
    });
    expect(groupKinds([{ key: 'temporary_branch', zh: 'x', en: 'x', party: false }])).toHaveLength(7);
    expect(customGroupKinds.safeParse([{ key: 'Bad Key', zh: 'x', en: 'x' }]).success).toBe(false);
  });

  it('lets only party members be secretary or deputy of a party body, and roles fit the kind', () => {
    const branch = BUILTIN_GROUP_KIND_DEFS.temporary_branch;
    const team = BUILTIN_GROUP_KIND_DEFS.volunteer_team;
    expect(roleProblem(branch, 'secretary', true)).toBeUndefined();
    expect(roleProblem(branch, 'secretary', false)).toBe('role_needs_party');
    expect(roleProblem(branch, 'member', false)).toBeUndefined();
    expect(roleProblem(branch, 'leader', true)).toBe('role_not_for_kind');
    expect(roleProblem(team, 'leader', false)).toBeUndefined();
    expect(roleProblem(team, 'secretary', true)).toBe('role_not_for_kind');
    expect(mayNest(branch, BUILTIN_GROUP_KIND_DEFS.commando_team)).toBe(true);
    expect(mayNest(team, BUILTIN_GROUP_KIND_DEFS.commando_team)).toBe(false);
    expect(mayNest(branch, branch)).toBe(false);
  });
});
