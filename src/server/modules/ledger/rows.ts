import type { HouseholdColour } from '../../../domain/ledger/colours';
import { floorOfDoor, type HouseholdSummary, type StoredFacts } from '../../../domain/ledger/household';
import { MARKERS } from '../../../domain/ledger/markers';
import type { ResidentRecord } from '../../../domain/ledger/sheet/validateRow';
import { personSearchWords } from '../../../domain/org/initials';
import type { PersonalDataProtector } from '../../platform/personalData';
import { protectIdNumber, protectPhone } from './protect';
import type { LoadRow } from './queries';

// Rows as they are loaded (the LOAD_COLUMNS orders of queries.ts), shared by the forms, the importer
// and the demo generator, so that every way into the ledger stores a resident the same way.

export interface PlaceOfHousehold {
  regionCode: string;
  unitId: string;
  unitPath: string;
  communityPath: string;
}

export interface NewHousehold extends PlaceOfHousehold {
  id: string;
  entrance: string;
  door: string;
  summary: HouseholdSummary;
  override?: { colour: HouseholdColour; reason: string; by: string | null };
}

export function householdRow(h: NewHousehold): LoadRow {
  const s = h.summary;
  const colour = h.override?.colour ?? s.derived.colour;
  return [
    h.regionCode,
    h.id,
    h.unitId,
    h.unitPath,
    h.communityPath,
    h.entrance,
    h.door,
    floorOfDoor(h.door),
    colour,
    s.derived.colour,
    JSON.stringify(s.derived.reasons),
    h.override?.colour ?? null,
    h.override?.reason ?? null,
    h.override?.by ?? null,
    h.override ? new Date().toISOString() : null,
    s.recheck,
    s.residentCount,
    ...MARKERS.map((m) => s.markers[m]),
  ];
}

/** A resident as checked by validateRow (a sheet row or a form), with the household it joins. */
export type ResidentFields = Pick<
  ResidentRecord,
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'idType'
  | 'idNumber'
  | 'phone'
  | 'relation'
  | 'relationText'
  | 'workUnit'
  | 'notes'
  | 'tags'
  | 'markers'
>;

export function residentRow(
  p: PersonalDataProtector,
  place: { regionCode: string; unitPath: string },
  id: string,
  householdId: string,
  r: ResidentFields,
  status: 'present' | 'away' = 'present',
  facts: StoredFacts = {},
  /** the ID number's blind index, when the caller computed it already */
  idHmac?: Buffer,
): LoadRow {
  const idv = r.idNumber ? protectIdNumber(p, r.idNumber, idHmac) : undefined;
  const phone = r.phone ? protectPhone(p, r.phone) : undefined;
  const words = personSearchWords(r.name);
  return [
    place.regionCode,
    id,
    householdId,
    place.unitPath,
    r.name,
    words.initials,
    words.pinyin,
    r.sex ?? null,
    r.birthDate ?? null,
    r.idType,
    idv?.enc ?? null,
    idv?.hmac ?? null,
    idv?.masked ?? null,
    idv?.tail ?? null,
    phone?.enc ?? null,
    phone?.hmac ?? null,
    phone?.masked ?? null,
    phone?.tail ?? null,
    r.relation ?? null,
    r.relationText ?? null,
    r.workUnit ?? null,
    r.notes ?? null,
    r.tags ?? [],
    r.markers,
    status,
    JSON.stringify(facts),
  ];
}
