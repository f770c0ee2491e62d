import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../domain/forces/shiftPatterns';
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
