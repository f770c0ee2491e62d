// A household as the ledger keeps it: its public key, its floor, and the summary of its residents
// (how many live there, who carries which marker, the colour the rules derive). Pure, no I/O: the
// server stores the summary beside the residents in the same transaction, the importer and the demo
// generator compute it the same way.

import {
  type ColourPolicy,
  type DerivedColour,
  deriveColour,
  type HouseholdFacts,
  type ResidentFacts,
} from './colours';
import { MARKERS, type Marker } from './markers';

/** Where a resident stands on the register: lives here, registered but living elsewhere, left, died. */
export const RESIDENT_STATUSES = ['present', 'away', 'moved_out', 'deceased'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** A resident's facts as stored: what ResidentFacts holds, without the id and present (the row has them). */
export type StoredFacts = Omit<ResidentFacts, 'id' | 'present'>;

export interface ResidentSummaryInput {
  status: ResidentStatus;
  markers: readonly string[];
  facts: StoredFacts;
}

export type MarkerCounts = Record<Marker, number>;

export interface HouseholdSummary {
  residentCount: number;
  markers: MarkerCounts;
  derived: DerivedColour;
  /** whether the colour may change with time alone (a window or a period ends): recomputed daily */
  recheck: boolean;
}

export function emptyMarkerCounts(): MarkerCounts {
  return Object.fromEntries(MARKERS.map((m) => [m, 0])) as MarkerCounts;
}

/** Residents who are on the household's register and live in the household now. */
function livesHere(status: ResidentStatus): boolean {
  return status === 'present';
}

function hasFacts(f: StoredFacts): boolean {
  return Boolean(f.health?.length || f.travel?.length || f.contacts?.length || f.isolation?.length);
}

/** The household's summary: present residents, marker counts over them, the derived colour. */
export function summariseHousehold(
  residents: readonly ResidentSummaryInput[],
  policy: ColourPolicy,
  today: string,
): HouseholdSummary {
  const markers = emptyMarkerCounts();
  const facts: HouseholdFacts = {
    // residents who moved out or died are no longer part of the household's facts at all
    residents: residents
      .filter((r) => r.status === 'present' || r.status === 'away')
      .map((r) => ({ ...r.facts, present: livesHere(r.status) })),
  };
  let residentCount = 0;
  let recheck = false;
  for (const r of residents) {
    if (!livesHere(r.status)) continue;
    residentCount++;
    if (hasFacts(r.facts)) recheck = true;
    for (const m of r.markers) if (m in markers) markers[m as Marker]++;
  }
  // Nothing known about anyone (most households): the rules can only say white or green, and do not
  // need to be asked (deriveColour checks the policy and every date on each call).
  const anyFacts = residents.some(
    (r) => (r.status === 'present' || r.status === 'away') && hasFacts(r.facts),
  );
  const derived = anyFacts
    ? deriveColour(facts, policy, today)
    : residentCount === 0
      ? NOBODY_PRESENT
      : STAYED;
  return { residentCount, markers, derived, recheck };
}

const NOBODY_PRESENT: DerivedColour = {
  colour: 'white',
  reasons: [{ code: 'nobody_present', colour: 'white' }],
  milder: [],
};
const STAYED: DerivedColour = {
  colour: 'green',
  reasons: [{ code: 'stayed_no_symptoms', colour: 'green' }],
  milder: [],
};

/**
 * The public key of a household or resident: `<region_code>-<id>` ('410105-1234'). The region comes
 * first in every key (DESIGN rule 8), so a lookup by key goes to one region's rows.
 */
export function recordKey(regionCode: string, id: string | number): string {
  return `${regionCode}-${id}`;
}

export function parseRecordKey(key: string): { regionCode: string; id: string } | undefined {
  const m = /^(\d{6})-(\d{1,18})$/.exec(key);
  return m ? { regionCode: m[1], id: m[2] } : undefined;
}

/**
 * The floor of a door number as Chinese buildings number them: 302 → 3, 1203 → 12, 3-2 or 3单元302 →
 * the last number's floor; 0 when the door says nothing about a floor (a bungalow '东2号').
 */
export function floorOfDoor(door: string): number {
  const dash = /^(\d{1,2})-\d{1,2}$/.exec(door);
  if (dash) return Number(dash[1]);
  const m = /(\d{3,4})(?!.*\d)/.exec(door);
  if (!m) return 0;
  const floor = Math.floor(Number(m[1]) / 100);
  return floor > 0 && floor <= 99 ? floor : 0;
}
