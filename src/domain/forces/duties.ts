// Responsibility (包保): "以楼组保楼院、以楼院保社区、以社区保街道" — a person answers for a unit of the tree.
// Street leaders answer for communities and villages, the community's two committees (两委) for grids,
// grid leaders and building leaders for courtyards and buildings. Pure, no I/O.

import type { Locale } from '../i18n/messages';
import type { UnitKind } from '../org/units';

export const DUTIES = ['street_leader', 'committee_member', 'grid_leader', 'building_leader'] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_LABELS: Record<Duty, Record<Locale, string>> = {
  street_leader: { 'zh-CN': '街道包保领导', en: 'street leader' },
  committee_member: { 'zh-CN': '社区两委', en: 'community committee member' },
  grid_leader: { 'zh-CN': '网格长', en: 'grid leader' },
  building_leader: { 'zh-CN': '楼栋长', en: 'building leader' },
};

/** The kinds of unit each duty answers for. */
export const DUTY_UNIT_KINDS: Record<Duty, readonly UnitKind[]> = {
  street_leader: ['village'],
  committee_member: ['grid'],
  grid_leader: ['courtyard', 'building'],
  building_leader: ['courtyard', 'building'],
};

/** Units of these kinds should have somebody answering for them: one nobody answers for is flagged. */
export const ANSWERABLE_KINDS: readonly UnitKind[] = ['village', 'grid', 'courtyard', 'building'];

export function isDuty(s: string): s is Duty {
  return (DUTIES as readonly string[]).includes(s);
}

export function dutyFits(duty: Duty, unitKind: string): boolean {
  return (DUTY_UNIT_KINDS[duty] as readonly string[]).includes(unitKind);
}

/** The duties that fit a kind of unit, in order. */
export function dutiesFor(unitKind: string): Duty[] {
  return DUTIES.filter((d) => dutyFits(d, unitKind));
}

export function isAnswerable(unitKind: string): boolean {
  return (ANSWERABLE_KINDS as readonly string[]).includes(unitKind);
}
