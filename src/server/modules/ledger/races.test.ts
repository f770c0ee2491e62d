import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../../cli/cliActor';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { seedDemoLedger } from '../../setup/demoLedger';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { idNumberIndex } from './protect';

// The ledger under parallel requests, on a real PostgreSQL (issue 11: races 2, 3, 10, 11). Requests
// are sent at once (Promise.all); only outcomes are asserted: one success and 409s, never a 500, and
// the counts by colour equal to a count of the households afterwards.

const A = '410105002008'; // 省民航社区

let t: TestApp;
let admin: string;
let building: string;
let grid: string;
let seq = 0;

const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);

function idNumber() {
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1975, 0, ++seq)).toISOString().slice(0, 10),
    sequence: 511,
  });
}

const statuses = (answers: { statusCode: number }[]) =>
  answers.map((a) => a.statusCode).sort((x, y) => x - y);

/** Living residents with this ID number, whatever the region. */
async function livingWith(id: string) {
  const hmac = idNumberIndex(t.services.protector, id);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM residents
    WHERE id_hmac = ${hmac} AND status IN ('present', 'away')`.execute(t.services.db);
  return rows[0].n;
}

/** The community's counts by colour as kept, and as counted from its households now. */
async function countsOfCommunity() {
  const { rows: kept } = await sql<{ colour: string; households: number; residents: number }>`
    SELECT colour, households, residents FROM ledger_counts
    WHERE community_path = (SELECT path FROM units WHERE code = ${A})
      AND (households <> 0 OR residents <> 0)
    ORDER BY colour`.execute(t.services.db);
  const { rows: counted } = await sql<{ colour: string; households: number; residents: number }>`
    SELECT colour, count(*)::int AS households, sum(resident_count)::int AS residents FROM households
    WHERE community_path = (SELECT path FROM units WHERE code = ${A}) AND status = 'active'
    GROUP BY colour ORDER BY colour`.execute(t.services.db);
  return { kept, counted };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  grid = (await ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'grid', name: '并发网格' })).code;
  building = (
    await ok('POST', '/api/org/units', admin, { parentCode: grid, kind: 'building', name: '并发楼' })
  ).code;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('one living resident per ID number (finding 2)', () => {
  it('six households created at once with one fresh ID number: one 201, five 409 naming the field', async () => {
    const id = idNumber();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('POST', '/api/ledger/households', admin, {
          unitCode: building,
          door: `2${i}01`,
          residents: [{ name: '同号人', idNumber: id }],
        }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'residents.0.idNumber' }] });
    }
    expect(await livingWith(id)).toBe(1);
    // the refused households were not written either
    const list = await ok('GET', `/api/ledger/households?unit=${building}&limit=200`, admin);
    expect(list.items.filter((h: { door: string }) => /^2\d01$/.test(h.door))).toHaveLength(1);
  });

  it('residents moving in at once with one ID number: one 201, the others 409', async () => {
    const homes = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) => {
        const { key } = await ok('POST', '/api/ledger/households', admin, {
          unitCode: building,
          door: `3${i}01`,
        });
        return key as string;
      }),
    );
    const id = idNumber();
    const answers = await Promise.all(
      homes.map((key) =>
        call('POST', `/api/ledger/households/${key}/residents`, admin, { name: '搬入者', idNumber: id }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await livingWith(id)).toBe(1);
  });

  it('screening visits with one new resident at two doors at once: one takes them, the other is a 409', async () => {
    const doors = await Promise.all(
      [0, 1, 2, 3].map(
        async (i) =>
          (await ok('POST', '/api/ledger/households', admin, { unitCode: building, door: `4${i}01` }))
            .key as string,
      ),
    );
    const campaign = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building,
      name: '并发排查',
      startsOn: '2020-02-01',
    });
    const id = idNumber();
    const answers = await Promise.all(
      doors.map((householdKey) =>
        call('POST', '/api/ledger/visits', admin, {
          clientId: randomUUID(),
          campaignId: campaign.id,
          householdKey,
          outcome: 'visited',
          newResidents: [{ name: '新租户', idNumber: id }],
        }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 409, 409, 409]);
    expect(await livingWith(id)).toBe(1);
  });

  it('two imports at once with the same people: each imports or refuses the row, never a 500; one living resident each', async () => {
    const ids = [idNumber(), idNumber(), idNumber()];
    const csv = (door: string) =>
      Buffer.from(
        `楼号,门牌,姓名,身份证号\n${ids.map((d, i) => `导入并发楼,${door}${i},导入${i},${d}`).join('\n')}\n`,
        'utf8',
      );
    const answers = await Promise.all(
      ['51', '52', '53', '54'].map((door) =>
        t.app.inject({
          method: 'POST',
          url: `/api/ledger/import?unit=${grid}&mode=valid`,
          headers: { cookie: admin, 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
          payload: csv(door),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).filter((s) => s >= 500)).toEqual([]);
    for (const d of ids) expect(await livingWith(d)).toBe(1);
    // every resident imported once: the imports that came second refused the rows as in the ledger
    const created = answers
      .filter((a) => a.statusCode === 200)
      .map((a) => a.json().report.created?.residents ?? 0)
      .reduce((x: number, y: number) => x + y, 0);
    expect(created).toBe(3);
  });
});

describe('unique violations answer 409 (finding 10)', () => {
  it('eight households at one door at once: one 201, seven 409 on the door', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('POST', '/api/ledger/households', admin, { unitCode: building, door: '909' }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'door' }] });
  });
});

describe('colour changes in one community at once (finding 3)', () => {
  it('opposite colour changes in parallel never deadlock into a 500, and the counts stay right', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 8; i++)
      keys.push(
        (await ok('POST', '/api/ledger/households', admin, { unitCode: building, door: `6${i}01` })).key,
      );
    // half start green (cleared override → white for an empty household: set green by hand), half yellow
    const colourOf = (i: number, round: number) => ((i + round) % 2 === 0 ? 'green' : 'yellow');
    await Promise.all(
      keys.map((k, i) =>
        ok('POST', `/api/ledger/households/${k}/colour`, admin, { colour: colourOf(i, 0), reason: '起始' }),
      ),
    );
    const codes: number[] = [];
    for (let round = 1; round <= 20; round++) {
      const answers = await Promise.all(
        keys.map((k, i) =>
          call('POST', `/api/ledger/households/${k}/colour`, admin, {
            colour: colourOf(i, round),
            reason: `第${round}轮`,
          }),
        ),
      );
      codes.push(...answers.map((a) => a.statusCode));
    }
    expect(codes.filter((c) => c !== 200)).toEqual([]);
    const { kept, counted } = await countsOfCommunity();
    expect(kept).toEqual(counted);
  });
});

describe('a split twice at once (finding 11)', () => {
  it('one resident split off twice at once: one 201, one 409, no household with a count and no residents', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building,
      door: '701',
      residents: [
        { name: '分户甲', idNumber: idNumber(), relation: 'head' },
        { name: '分户乙', idNumber: idNumber() },
      ],
    });
    const h = await ok('GET', `/api/ledger/households/${key}`, admin);
    const moving = h.residents.find((r: { name: string }) => r.name === '分户乙').key;
    const answers = await Promise.all(
      ['702', '703', '704', '705'].map((door) =>
        call('POST', `/api/ledger/households/${key}/split`, admin, { residentKeys: [moving], door }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409]);
    const { rows: hollow } = await sql<{ id: string }>`
      SELECT h.id FROM households h
      WHERE h.status = 'active' AND h.resident_count <>
        (SELECT count(*) FROM residents r
          WHERE r.region_code = h.region_code AND r.household_id = h.id AND r.status = 'present')`.execute(
      t.services.db,
    );
    expect(hollow).toEqual([]);
    const list = await ok('GET', `/api/ledger/households?unit=${building}&limit=200`, admin);
    expect(list.items.filter((x: { door: string }) => /^70[2-5]$/.test(x.door))).toHaveLength(1);
    const { kept, counted } = await countsOfCommunity();
    expect(kept).toEqual(counted);
  });
});

describe('the demo generator on a ledger that has residents (finding 2)', () => {
  it('a second run in a seeded county gives nobody an ID number a living resident has', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(t.services.db);
    const seeded = await seedDemoLedger(t.services, await cliActor(t.services, A), {
      residents: 300,
      within: [A],
    });
    expect(seeded.residents).toBeGreaterThan(0);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(t.services.db);
    // every resident generated is in the ledger: the chunk that met numbers taken was loaded again
    // with its numbers looked up and drawn anew (demoLedger.ts, `lookups`)
    expect(after.rows[0].n - before.rows[0].n).toBe(seeded.residents);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT id_hmac FROM residents WHERE id_hmac IS NOT NULL AND status IN ('present', 'away')
        GROUP BY id_hmac HAVING count(*) > 1) d`.execute(t.services.db);
    expect(rows[0].n).toBe(0);
  });
});
