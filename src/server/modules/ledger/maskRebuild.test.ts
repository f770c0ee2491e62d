import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../domain/validators/idNumber';
import * as m010 from '../../db/migrations/010_masks';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Issue 11, finding 1: a masked ID number must not be rebuildable from what a role without pii.reveal
// sees. As a 楼栋长 (building leader: ledger.read, no pii.reveal) over a whole community, the test reads
// the ledger's pages and one household's drawer in five (residents and history), then, for each resident,
// enumerates the ID numbers (GB 11643) consistent with all of it: an address code of the deployment,
// the birth date (or every day of the birth year, when only the year is shown), the visible characters
// of the mask and the check character. Fewer than MIN_CANDIDATES for anyone fails.

const SMH = '410105002008'; // 省民航社区
const MIN_CANDIDATES = 100;

interface SeenResident {
  key: string;
  householdKey: string;
  idType: string | null;
  idMasked: string | null;
  birthDate: string | null;
  birthYear?: number | null;
  sex: string | null;
}

function isLeap(y: number) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The YYYYMMDD birth dates a resident may have, from what is shown: the date, else every day of the year. */
function birthDays(r: SeenResident): string[] {
  if (r.birthDate) return [r.birthDate.replaceAll('-', '')];
  const year = r.birthYear ?? (r.birthDate === null ? null : undefined);
  if (!year) return []; // nothing shown: a century of days, not worth counting
  const lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const days: string[] = [];
  lengths.forEach((n, m) => {
    for (let d = 1; d <= n; d++)
      days.push(`${year}${String(m + 1).padStart(2, '0')}${String(d).padStart(2, '0')}`);
  });
  return days;
}

/**
 * The ID numbers consistent with the mask (each visible character in place), an address code of the
 * list, a birth day of the list, the sex (odd sequence for men) and the check character; counted up to `cap`.
 */
function candidates(
  masked: string,
  regions: string[],
  days: string[],
  sex: string | null,
  cap: number,
): number {
  if (masked.length !== 18) return cap;
  const fits = (s: string, at: number) =>
    [...s].every((c, i) => masked[at + i] === '*' || masked[at + i] === c);
  const sequences: string[] = [];
  for (let seq = 0; seq < 1000; seq++) {
    if (sex === 'male' && seq % 2 === 0) continue;
    if (sex === 'female' && seq % 2 === 1) continue;
    const s = String(seq).padStart(3, '0');
    if (fits(s, 14)) sequences.push(s);
  }
  let n = 0;
  for (const region of regions) {
    if (!fits(region, 0)) continue;
    for (const day of days) {
      if (!fits(day, 6)) continue;
      for (const s of sequences) {
        const first17 = region + day + s;
        if (!fits(idNumberCheckChar(first17), 17)) continue;
        if (++n >= cap) return n;
      }
    }
  }
  return n;
}

let t: TestApp;
let admin: string;
let leader: string;
let regions: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  leader = await t.userWith(admin, 'building_leader', SMH, 'Leader2020ok');
  // the address codes of the deployment: every county-level code its divisions carry
  const rows = await sql<{ region_code: string }>`
    SELECT DISTINCT region_code FROM units WHERE region_code IS NOT NULL`.execute(t.services.db);
  regions = rows.rows.map((r) => r.region_code).filter((c) => /^\d{6}$/.test(c));
});
afterAll(() => t.close());

/** Everything the leader sees of the community's residents: the ledger's pages and each drawer. */
async function seenByLeader() {
  const seen = new Map<string, SeenResident>();
  const texts: string[] = [];
  let after: string | null = null;
  do {
    const page = await t.ok(
      'GET',
      `/api/ledger/households?unit=${SMH}&limit=100${after ? `&after=${after}` : ''}`,
      leader,
    );
    for (const [i, h] of page.items.entries()) {
      for (const r of h.residents) seen.set(r.key, r);
      // every list row; the drawer (residents and history) of one household in five, which shows the
      // same fields: reading all 1,800 drawers of the community takes minutes on a loaded machine
      if (i % 5 !== 0) continue;
      const detail = await t.ok('GET', `/api/ledger/households/${h.key}`, leader);
      for (const r of detail.residents) seen.set(r.key, { ...seen.get(r.key), ...r });
      texts.push(JSON.stringify(detail.history));
    }
    after = page.next;
  } while (after);
  return { residents: [...seen.values()], history: texts.join('\n') };
}

describe('masked ID numbers cannot be rebuilt (finding 1)', () => {
  it('the enumeration finds the true number (checked on numbers the administrator reveals)', async () => {
    const page = await t.ok('GET', `/api/ledger/households?unit=${SMH}&limit=5`, admin);
    const residents: SeenResident[] = page.items.flatMap((h: { residents: SeenResident[] }) => h.residents);
    let checked = 0;
    for (const r of residents.filter((x) => x.idType === 'resident_id' && x.idMasked).slice(0, 5)) {
      const id = (await t.ok('POST', `/api/ledger/residents/${r.key}/reveal`, admin, { field: 'idNumber' }))
        .value;
      // exactly the true number: its own region, day and sequence are consistent with what is shown
      expect(candidates(r.idMasked as string, [id.slice(0, 6)], [id.slice(6, 14)], r.sex, 2)).toBeGreaterThan(
        0,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it(`leaves every resident at least ${MIN_CANDIDATES} candidates for a 楼栋长 without pii.reveal`, async () => {
    const me = await t.ok('GET', '/api/me', leader);
    expect(me.permissions).not.toContain('pii.reveal');
    expect(regions.length).toBeGreaterThan(0);
    const { residents, history } = await seenByLeader();
    const withId = residents.filter((r) => r.idType === 'resident_id' && r.idMasked);
    expect(withId.length).toBeGreaterThan(50);
    const weak: string[] = [];
    const pinned: number[] = [];
    for (const r of withId) {
      const days = birthDays(r);
      const masked = r.idMasked as string;
      const n = candidates(masked, regions, days, r.sex, MIN_CANDIDATES);
      if (n < MIN_CANDIDATES) weak.push(`${masked} ${r.birthDate ?? r.birthYear}: ${n}`);
      // measured, not asserted: the same with the address code pinned to the household's county
      // (on the first 200 only: each count walks up to a year of days × 500 sequences)
      if (pinned.length < 200) {
        const own = candidates(masked, [r.householdKey.slice(0, 6)], days, r.sex, 10_000);
        if (own > 0) pinned.push(own);
      }
    }
    pinned.sort((a, b) => a - b);
    console.log(
      `finding 1: ${withId.length} residents, ${weak.length} under ${MIN_CANDIDATES} candidates over ${regions.length} address codes; with the household's county pinned (${pinned.length} fit it): fewest ${pinned[0]}, median ${pinned[pinned.length >> 1]}`,
    );
    expect(weak).toEqual([]);
    // no full birth date anywhere in what the leader sees, the drawers' history included
    expect(residents.filter((r) => r.birthDate)).toEqual([]);
    expect(history).not.toMatch(/"birthDate"[^}]*\d{4}-\d{2}-\d{2}/);
  }, 180_000);
});

describe('the masks already stored (migration 010)', () => {
  it('rewrites masks of the older rule (first and last four) to the last four only', async () => {
    const db = t.services.db;
    const r = await db
      .selectFrom('residents')
      .select(['region_code', 'id', 'id_masked'])
      .where('id_masked', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const p = await db
      .selectFrom('people')
      .select(['id', 'id_masked'])
      .where('id_masked', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const tail = (r.id_masked as string).slice(-4);
    await db
      .updateTable('residents')
      .set({ id_masked: `4101**********${tail}` })
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .execute();
    await db
      .updateTable('people')
      .set({ id_masked: `4101**********${(p.id_masked as string).slice(-4)}` })
      .where('id', '=', p.id)
      .execute();
    await m010.down(db as never);
    await m010.up(db as never);
    const after = await db
      .selectFrom('residents')
      .select('id_masked')
      .where('region_code', '=', r.region_code)
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(after.id_masked).toBe(`**************${tail}`);
    const person = await db
      .selectFrom('people')
      .select('id_masked')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(person.id_masked).toBe(`**************${(p.id_masked as string).slice(-4)}`);
    const old = await sql<{ n: string }>`
      SELECT count(*) AS n FROM residents WHERE id_masked ~ '^[^*]'`.execute(db);
    expect(Number(old.rows[0].n)).toBe(0);
  });
});
