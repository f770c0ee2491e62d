// The markers of demo residents (党员, 志愿者, 残疾, 行动不便 …), at rates close to those of a city of 2020:
// party members about 7% of adults (more among the elderly), volunteers about 3% (mostly party members),
// disabled people about 1.5% and the immobile about 1% of residents (mostly the old). Household markers
// (低保, 独居老人) and the building leader of each entrance are set by the household generator.

import { MARKERS, type Marker } from '../markers';
import type { Prng } from './prng';

/** Inserts a marker in the canonical order of MARKERS (flags and stars first), once. */
export function addMarker(markers: Marker[], marker: Marker): void {
  if (markers.includes(marker)) return;
  const rank = MARKERS.indexOf(marker);
  let i = 0;
  while (i < markers.length && MARKERS.indexOf(markers[i]) < rank) i++;
  markers.splice(i, 0, marker);
}

function partyRate(age: number): number {
  if (age < 18) return 0;
  if (age < 25) return 0.025;
  if (age < 60) return 0.07;
  return 0.1;
}

function disabledRate(age: number): number {
  if (age < 18) return 0.004;
  if (age < 60) return 0.011;
  if (age < 75) return 0.025;
  return 0.05;
}

function immobileRate(age: number): number {
  if (age < 60) return 0.001;
  if (age < 75) return 0.012;
  if (age < 85) return 0.07;
  return 0.2;
}

/** The personal markers of a resident of `age` years, in canonical order (a new array, often empty). */
export function personalMarkers(rng: Prng, age: number): Marker[] {
  const markers: Marker[] = [];
  const party = rng.chance(partyRate(age));
  if (party) markers.push('party_member');
  if (age >= 18 && age <= 70 && rng.chance(party ? 0.2 : 0.02)) markers.push('volunteer');
  if (rng.chance(disabledRate(age))) markers.push('disabled');
  if (rng.chance(immobileRate(age))) markers.push('immobile');
  return markers;
}
