import type { Locale } from '../../../domain/i18n/messages';
import { recordKey } from '../../../domain/ledger/household';
import { type DoorTerm, parseSearchText } from '../../../domain/ledger/searchText';
import { placeKey } from '../../../domain/ledger/sheet/households';
import type { Db } from '../../db/connection';
import { invalidField } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { COMMUNITY_DEPTH } from './counts';
import { idNumberIndex, phoneIndex } from './protect';
import * as q from './queries';

// The ledger's search box understands what people have in hand (domain/ledger/searchText.ts): a whole
// ID number pasted from a list (its blind index), a whole phone, the last four digits the masked forms
// show, pinyin (full or initials), the start of a name; and, within a community, a door or a building.
// Each becomes a condition that an index answers: residents' name, initials, pinyin, tails and blind
// indexes across a district; a community's households (few enough to read) for doors.

/** The buildings under a community (or below) whose name reads as this building ('3号楼' = '3栋' = '三号楼'). */
async function buildingIds(db: Db, root: string, building: string): Promise<string[]> {
  const rows = await q.buildingsUnder(db, root);
  return rows.filter((b) => placeKey('building', b.name) === building).map((b) => b.id);
}

async function doorMatch(db: Db, root: string, d: DoorTerm): Promise<q.DoorMatch> {
  return {
    ...(d.building !== undefined ? { unitIds: await buildingIds(db, root, d.building) } : {}),
    ...(d.entrance !== undefined ? { entrances: [d.entrance, `${d.entrance}单元`] } : {}),
    ...(d.door !== undefined ? { doors: [d.door, `${d.door}室`] } : {}),
  };
}

/**
 * The search condition of the text typed, over the subtree `root` (already checked against the scope).
 * A door or a building is looked for within a community or below only: across a street or a district,
 * doors are not indexed (400 naming `q`).
 */
export async function searchFilter(
  services: Services,
  root: string,
  text: string,
  locale: Locale,
): Promise<q.LedgerSearch | undefined> {
  const term = parseSearchText(text);
  if (!term) return undefined;
  const local = root.split('.').length >= COMMUNITY_DEPTH;
  switch (term.kind) {
    case 'idNumber':
      return { residents: { idHmac: idNumberIndex(services.protector, term.idNumber) } };
    case 'phone':
      return {
        residents: {
          phone: { tail: term.phone.slice(-4), hmac: phoneIndex(services.protector, term.phone) },
        },
      };
    case 'tail': {
      const residents = { idTail: term.tail, phoneTail: term.tail };
      return term.door && local
        ? { residents, door: await doorMatch(services.db, root, term.door) }
        : { residents };
    }
    case 'pinyin':
      return { residents: { pinyin: term.letters } };
    case 'door':
      if (!local) throw invalidField('q', 'find.door_needs_community', locale);
      return { door: await doorMatch(services.db, root, term.door) };
    case 'name':
      return { residents: { name: term.name } };
  }
}

/**
 * The living resident (present or away) with this ID number, where the scope may read the ledger: how
 * another module (the forces registry) finds the resident a person is. Undefined when there is none.
 */
export async function residentByIdNumber(services: Services, scope: Scope, idNumber: string) {
  const row = await services.db
    .selectFrom('residents')
    .select(['region_code', 'id', 'household_id', 'name'])
    .where('id_hmac', '=', idNumberIndex(services.protector, idNumber))
    .where('status', 'in', ['present', 'away'])
    .where(scope.where('unit_path', 'ledger.read'))
    .orderBy('id')
    .executeTakeFirst();
  return row
    ? {
        key: recordKey(row.region_code, row.id),
        householdKey: recordKey(row.region_code, row.household_id),
        name: row.name,
      }
    : undefined;
}
