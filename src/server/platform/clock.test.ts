import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../domain/time/shanghai';
import { ledgerDay } from '../modules/ledger/policy';
import { DEMO_PASSWORD } from '../setup/demo';
import { createTestApp, type TestApp } from '../testing/app';
import { platformNow, platformToday } from './clock';

// The platform clock: a demonstration lives on its replayed day (the tests' 2020-02-05), and what is
// stamped for users to see follows it; the audit log keeps the true time.

describe('platformNow', () => {
  const real = Date.parse('2026-12-05T06:30:00Z'); // 14:30 in Shanghai
  it('reads the replayed day at the real time of day, or the real time', () => {
    expect(platformNow({ today: '2020-02-05' }, real).toISOString()).toBe('2020-02-05T06:30:00.000Z');
    expect(platformNow({ today: undefined }, real).getTime()).toBe(real);
    expect(platformToday({ today: '2020-02-05' }, real)).toBe('2020-02-05');
    expect(platformToday({ today: undefined }, real)).toBe('2026-12-05');
  });
});

describe('one clock for every module', () => {
  let t: TestApp;
  let smh: string;
  beforeAll(async () => {
    t = await createTestApp();
    smh = await t.login('smh_admin', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  /** the day as the platform, the ledger and forces each answer it, and the platform's instant */
  async function days() {
    const config = t.services.config;
    const person = (await t.ok('GET', '/api/forces/people?unit=410105002008&limit=1', smh)).items[0];
    const record = await t.ok('POST', `/api/forces/people/${person.id}/records`, smh, {
      kind: 'commendation',
      title: '时钟测试',
    });
    const clock = await t.ok('GET', '/api/clock', smh);
    return {
      platform: platformToday(config),
      clockRoute: clock.today,
      clockRouteInstant: shanghaiDay(Date.parse(clock.now)),
      instant: shanghaiDay(platformNow(config).getTime()),
      ledger: (await ledgerDay(t.services)).today,
      ledgerRoute: (await t.ok('GET', '/api/ledger/day', smh)).today,
      forcesRecord: record.onDate,
      dutyRoute: (await t.ok('GET', '/api/duty/mine', smh)).today,
    };
  }
  const all = (day: string) => ({
    platform: day,
    clockRoute: day,
    clockRouteInstant: day,
    instant: day,
    ledger: day,
    ledgerRoute: day,
    forcesRecord: day,
    dutyRoute: day,
  });

  it('answers the replayed day (WANGGE_TODAY) in the platform, the ledger and forces, and the same instant in SQL', async () => {
    expect(t.services.config.today).toBe('2020-02-05');
    expect(await days()).toEqual(all('2020-02-05'));
    // the instant: the platform clock, its route and SQL's platform_now() read the same time of the same day
    const before = platformNow(t.services.config).getTime();
    const { rows } = await sql<{ now: Date }>`SELECT platform_now() AS now`.execute(t.services.db);
    const clock = Date.parse((await t.ok('GET', '/api/clock', smh)).now);
    const after = platformNow(t.services.config).getTime();
    for (const at of [rows[0].now.getTime(), clock]) {
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(after + 1000);
    }
  });

  it('moves every module to another replayed day together', async () => {
    const config = t.services.config;
    const before = config.today;
    config.today = '2020-03-01';
    try {
      expect(await days()).toEqual(all('2020-03-01'));
    } finally {
      config.today = before;
    }
  });
});

describe('stamps on the platform clock', () => {
  let t: TestApp;
  let smh: string;
  beforeAll(async () => {
    t = await createTestApp();
    smh = await t.login('smh_admin', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it("stamps the household history on the platform's day, and the audit log with the true time", async () => {
    expect(t.services.config.today).toBe('2020-02-05');
    const page = await t.ok('GET', '/api/ledger/households?unit=410105002008&limit=1', smh);
    const key = page.items[0].key;
    await t.ok('POST', `/api/ledger/households/${key}/colour`, smh, { colour: 'red', reason: '核查' });
    const h = await t.ok('GET', `/api/ledger/households/${key}`, smh);
    expect(h.history[0].kind).toBe('override');
    expect(shanghaiDay(Date.parse(h.history[0].at))).toBe('2020-02-05');
    // the demo city's own history, written when it was seeded, lives on its day too
    expect(shanghaiDay(Date.parse(h.history[h.history.length - 1].at))).toBe('2020-02-05');

    const [entry] = (await t.ok('GET', '/api/audit?limit=1', smh)).items;
    expect(shanghaiDay(Date.parse(entry.at))).toBe(shanghaiDay(Date.now()));
  });
});
