// The places of a call-up (招募令名额): only an approval takes a place. Sign-ups waiting for the office
// (待审核) are taken in order of arrival; those beyond the places left at their station stand on its
// waiting list (候补), and move up as places are approved away from others or sign-ups are rejected.
// A station is closed to sign-ups once approvals fill it; the call-up once they fill every station.

export interface PlaceCount {
  facilityId: string;
  needed: number;
  /** approved sign-ups at the station */
  approved: number;
  /** sign-ups waiting for the office's decision at the station */
  pending: number;
}

/** Places at a station not yet taken by an approval (剩余名额). */
export function placesLeft(p: Pick<PlaceCount, 'needed' | 'approved'>): number {
  return Math.max(0, p.needed - p.approved);
}

/** How many of a station's pending sign-ups stand on its waiting list. */
export function waitingCount(p: Omit<PlaceCount, 'facilityId'>): number {
  return Math.max(0, p.pending - placesLeft(p));
}

/**
 * Where a pending sign-up stands, from the pending sign-ups that came before it at its station: within
 * the places left (null), or its position on the waiting list (候补第 N 位, from 1).
 */
export function waitlistPosition(
  p: Pick<PlaceCount, 'needed' | 'approved'>,
  pendingBefore: number,
): number | null {
  const position = pendingBefore + 1 - placesLeft(p);
  return position > 0 ? position : null;
}

export type PlaceChoice =
  | { ok: true; facilityId: string; waitlist: number | null }
  | { ok: false; reason: 'callup_full' | 'place_full' | 'not_in_callup'; facilityId?: string };

/**
 * Where a new sign-up goes. The chosen station, unless approvals fill it; without a choice, the open
 * station with the most places left beyond its pending sign-ups (a real place when any station has one,
 * else the shortest waiting list), the first listed on a tie. Refused when approvals fill every station.
 */
export function placeSignup(places: readonly PlaceCount[], chosen?: string | null): PlaceChoice {
  const open = places.filter((p) => placesLeft(p) > 0);
  if (!open.length) return { ok: false, reason: 'callup_full' };
  let place: PlaceCount | undefined;
  if (chosen) {
    place = places.find((p) => p.facilityId === chosen);
    if (!place) return { ok: false, reason: 'not_in_callup' };
    if (placesLeft(place) <= 0) return { ok: false, reason: 'place_full', facilityId: chosen };
  } else {
    const free = (p: PlaceCount) => placesLeft(p) - p.pending;
    place = open.reduce((best, p) => (free(p) > free(best) ? p : best));
  }
  return { ok: true, facilityId: place.facilityId, waitlist: waitlistPosition(place, place.pending) };
}

/** Whether the office may approve a sign-up at a station: a place is left, or it holds one there already. */
export function mayApprove(
  place: Pick<PlaceCount, 'needed' | 'approved'>,
  alreadyApprovedHere: boolean,
): boolean {
  return alreadyApprovedHere || placesLeft(place) > 0;
}
