// How the people who serve are organised (组织): temporary party branches (临时党支部) set up at a checkpoint,
// a station or a courtyard, and the teams and posts under them — and any kind a deployment adds (kept in
// settings under 'forces.groupKinds'). Pure, no I/O.

import { z } from 'zod';
import type { Locale } from '../i18n/messages';

export const BUILTIN_GROUP_KINDS = [
  'temporary_branch', // 临时党支部
  'commando_team', // 党员突击队
  'volunteer_team', // 志愿服务队
  'persuasion_team', // 劝导队
  'disinfection_squad', // 消杀队
  'pioneer_post', // 党员先锋岗
  'responsibility_zone', // 党员责任区
] as const;
export type BuiltinGroupKind = (typeof BUILTIN_GROUP_KINDS)[number];

export const GROUP_ROLES = ['secretary', 'deputy', 'leader', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const GROUP_ROLE_LABELS: Record<GroupRole, Record<Locale, string>> = {
  secretary: { 'zh-CN': '书记', en: 'secretary' },
  deputy: { 'zh-CN': '副职', en: 'deputy' },
  leader: { 'zh-CN': '队长', en: 'leader' },
  member: { 'zh-CN': '成员', en: 'member' },
};

export interface GroupKindDef {
  key: string;
  label: Record<Locale, string>;
  /** a party body: its secretary and deputies must be party members */
  party: boolean;
  /** a branch: it has a secretary, and teams may stand under it (parent_id) */
  branch: boolean;
  builtin: boolean;
}

const def = (
  key: BuiltinGroupKind,
  zh: string,
  en: string,
  party: boolean,
  branch = false,
): GroupKindDef => ({
  key,
  label: { 'zh-CN': zh, en },
  party,
  branch,
  builtin: true,
});

export const BUILTIN_GROUP_KIND_DEFS: Record<BuiltinGroupKind, GroupKindDef> = {
  temporary_branch: def('temporary_branch', '临时党支部', 'temporary party branch', true, true),
  commando_team: def('commando_team', '党员突击队', 'party commando team', true),
  volunteer_team: def('volunteer_team', '志愿服务队', 'volunteer service team', false),
  persuasion_team: def('persuasion_team', '劝导队', 'persuasion team', false),
  disinfection_squad: def('disinfection_squad', '消杀队', 'disinfection squad', false),
  pioneer_post: def('pioneer_post', '党员先锋岗', 'party pioneer post', true),
  responsibility_zone: def('responsibility_zone', '党员责任区', 'party responsibility zone', true),
};

/** A kind a deployment defines (settings 'forces.groupKinds'). */
export const customGroupKind = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/),
  zh: z.string().trim().min(1).max(20),
  en: z.string().trim().min(1).max(40),
  party: z.boolean().default(false),
});
export type CustomGroupKind = z.infer<typeof customGroupKind>;
export const customGroupKinds = z.array(customGroupKind).max(50);

export const GROUP_KINDS_SETTING = 'forces.groupKinds';

export function isBuiltinKind(key: string): key is BuiltinGroupKind {
  return (BUILTIN_GROUP_KINDS as readonly string[]).includes(key);
}

/** Every kind: the built-in ones, then the deployment's (a custom key equal to a built-in one is ignored). */
export function groupKinds(custom: readonly CustomGroupKind[] = []): GroupKindDef[] {
  return [
    ...BUILTIN_GROUP_KINDS.map((k) => BUILTIN_GROUP_KIND_DEFS[k]),
    ...custom
      .filter((c) => !isBuiltinKind(c.key))
      .map((c) => ({
        key: c.key,
        label: { 'zh-CN': c.zh, en: c.en },
        party: c.party,
        branch: false,
        builtin: false,
      })),
  ];
}

export function findGroupKind(
  key: string,
  custom: readonly CustomGroupKind[] = [],
): GroupKindDef | undefined {
  return groupKinds(custom).find((k) => k.key === key);
}

/** The roles a kind has: a branch a secretary, deputies and members; a team or post a leader, deputies and members. */
export function rolesOf(kind: GroupKindDef): readonly GroupRole[] {
  return kind.branch ? ['secretary', 'deputy', 'member'] : ['leader', 'deputy', 'member'];
}

export type RoleProblem = 'role_not_for_kind' | 'role_needs_party';

/** Why a person may not hold a role in a group of this kind, or undefined when they may. */
export function roleProblem(
  kind: GroupKindDef,
  role: GroupRole,
  isPartyMember: boolean,
): RoleProblem | undefined {
  if (!rolesOf(kind).includes(role)) return 'role_not_for_kind';
  if (kind.party && (role === 'secretary' || role === 'deputy' || role === 'leader') && !isPartyMember)
    return 'role_needs_party';
  return undefined;
}

/** Whether a group of `child` kind may stand under a group of `parent` kind (teams under a branch). */
export function mayNest(parent: GroupKindDef, child: GroupKindDef): boolean {
  return parent.branch && !child.branch;
}
