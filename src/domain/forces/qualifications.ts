import { type Qualification, SKILLS, type Skill, STANDINGS } from './schedule';

// What a person can be put on a shift for: the skills they declared (known ones only) and what they are
// (a sent-down cadre 下沉干部, a party member 党员). The scheduler matches these against a shift's needs.

const SKILL_SET: ReadonlySet<string> = new Set(SKILLS);

/** Whether a string is one of the known skills (SKILLS). */
export function isSkill(value: string): value is Skill {
  return SKILL_SET.has(value);
}

/** Whether a string is a known qualification: a skill, 'cadre' or 'party_member'. */
export function isQualification(value: string): value is Qualification {
  return SKILL_SET.has(value) || (STANDINGS as readonly string[]).includes(value);
}

/**
 * A person's qualifications: their known skills (unknown ones are dropped, duplicates once), in the order
 * of SKILLS, then 'cadre' when they are a sent-down cadre and 'party_member' when they are a party member.
 */
export function qualificationsOf(person: {
  skills: readonly string[];
  isCadre: boolean;
  isPartyMember: boolean;
}): Qualification[] {
  const has = new Set(person.skills);
  const out: Qualification[] = SKILLS.filter((s) => has.has(s));
  if (person.isCadre) out.push('cadre');
  if (person.isPartyMember) out.push('party_member');
  return out;
}

/** Every qualification, skills first, in a stable order (for lists and pickers). */
export const QUALIFICATIONS: readonly Qualification[] = [...SKILLS, ...STANDINGS];

export const QUALIFICATION_LABELS: Record<Qualification, { 'zh-CN': string; en: string }> = {
  medical: { 'zh-CN': '医疗', en: 'Medical' },
  police: { 'zh-CN': '警务', en: 'Police' },
  transport: { 'zh-CN': '交通', en: 'Transport' },
  driving: { 'zh-CN': '驾驶', en: 'Driving' },
  disinfection: { 'zh-CN': '消杀', en: 'Disinfection' },
  publicity: { 'zh-CN': '宣传', en: 'Publicity' },
  registration: { 'zh-CN': '登记', en: 'Registration' },
  logistics: { 'zh-CN': '后勤', en: 'Logistics' },
  psychology: { 'zh-CN': '心理疏导', en: 'Psychological support' },
  cadre: { 'zh-CN': '下沉干部', en: 'Sent-down cadre' },
  party_member: { 'zh-CN': '党员', en: 'Party member' },
};
