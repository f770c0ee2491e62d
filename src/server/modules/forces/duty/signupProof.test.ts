import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATTERN_PRESETS } from '../../../../domain/forces/shiftPatterns';
import { CODE_ATTEMPTS } from '../../../../domain/forces/signupProof';
import { createTestApp, type TestApp } from '../../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../../testing/services';

// The proof of a person behind a public call-up sign-up (issue 11, finding 12): a script with a few
// addresses and invented phones filled a call-up's 100 places in 2 s, so real volunteers read 报名将候补
// or 名额已满. Now a sign-up needs the code sent to its phone, and a call-up sends a limited number of
// codes a minute whatever the addresses. The dev SMS sender of the tests answers the code it "sent".

let t: TestApp;
let admin: string;
let unitCode: string;
let facility: string;
let address = 0;

/** A request from an address of its own, as a script spreading over many addresses would send it. */
function from(method: 'GET' | 'POST', url: string, payload?: object, lang = 'zh-CN') {
  ++address;
  return t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-forwarded-for': `10.9.${address >> 8}.${address & 255}`, 'accept-language': lang },
  });
}

async function newCallup(needed: number): Promise<string> {
  const c = await t.ok('POST', '/api/forces/callups', admin, {
    unitCode,
    title: '验证码测试招募',
    startsOn: '2031-01-06',
    pattern: {
      name: '两班',
      shifts: PATTERN_PRESETS.two_day.shifts.map((s) => ({
        ...s,
        needs: [{ qualification: null, count: 1 }],
      })),
    },
    places: [{ facilityId: facility, needed }],
  });
  return c.token;
}

const askCode = (token: string, phone: string) =>
  from('POST', `/api/public/callups/${token}/codes`, { phone });
const signUp = (token: string, body: Record<string, unknown>, lang?: string) =>
  from(
    'POST',
    `/api/public/callups/${token}/signups`,
    { clientId: randomUUID(), name: '志愿者', ...body },
    lang,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  const { rows } = await sql<{ code: string }>`
    SELECT code FROM units WHERE kind = 'village' AND code LIKE '410105%' ORDER BY code LIMIT 1`.execute(
    t.services.db,
  );
  unitCode = rows[0].code;
  facility = (
    await t.ok('POST', '/api/org/facilities', admin, { unitCode, kind: 'checkpoint', name: '验证码服务站' })
  ).id;
});

afterAll(async () => {
  await t?.close();
});

describe('the proof of a person behind a public sign-up', () => {
  it('turns away a script of invented people from many addresses: real volunteers still find the places', async () => {
    const token = await newCallup(100);
    const script = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signUp(token, { name: `脚本${i}`, phone: `138${String(i).padStart(8, '0')}` }),
      ),
    );
    for (const res of script) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['code']);
    }
    const guessed = await signUp(token, { phone: '13800000001', code: '123456' });
    expect(guessed.statusCode).toBe(400);
    expect(guessed.json().error.fields[0].path).toBe('code');
    const page = (await from('GET', `/api/public/callups/${token}`)).json();
    expect(page).toMatchObject({ capacity: 100, remaining: 100, pending: 0, next: 'place' });

    // a real volunteer: the code comes to their phone, the sign-up takes a place, not the waiting list
    const sent = await askCode(token, '139 0371 0001');
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ sentTo: '139****0001', expiresInSeconds: 600, resendInSeconds: 60 });
    const code = sent.json().devCode;
    expect(code).toMatch(/^\d{6}$/);
    const real = await signUp(token, { name: '周一鸣', phone: '13903710001', code });
    expect(real.statusCode).toBe(201);
    expect(real.json()).toMatchObject({ status: 'applied', waitlist: null });
    // the code is spent: another sign-up cannot use it again
    const again = await signUp(token, { name: '冒名', phone: '13903710001', code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].path).toBe('code');
    // only the code's keyed hash is kept
    const stored = await t.services.db.selectFrom('callup_codes').select('code_hmac').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.code_hmac.toString('utf8').includes(code))).toBe(false);
  });

  it('binds a code to its phone, and a few wrong tries spend it', async () => {
    const token = await newCallup(5);
    const { devCode } = (await askCode(token, '13903710002')).json();
    const other = await signUp(token, { phone: '13903710003', code: devCode });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0].path).toBe('code');
    const wrong = devCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const res = await signUp(token, { phone: '13903710002', code: wrong });
      expect(res.statusCode).toBe(400);
    }
    const late = await signUp(token, { phone: '13903710002', code: devCode }, 'en');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0]).toMatchObject({ path: 'code' });
    expect(late.json().error.message).toContain('no longer valid');
  });

  it('makes a phone wait before another code, and holds a call-up to its codes per minute', async () => {
    const token = await newCallup(500);
    expect((await askCode(token, '13903710004')).statusCode).toBe(202);
    const soon = await askCode(token, '13903710004');
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.fields[0].path).toBe('phone');
    expect(soon.json().error.message).toMatch(/请 \d+ 秒后/);

    const perMinute = t.services.config.callupCodesPerMinute;
    const burst = await Promise.all(
      Array.from({ length: perMinute + 10 }, (_, i) => askCode(token, `137${String(i).padStart(8, '0')}`)),
    );
    const statuses = burst.map((r) => r.statusCode);
    // one code was sent before the burst: the call-up sends perMinute in all, the rest are told to wait
    expect(statuses.filter((s) => s === 202)).toHaveLength(perMinute - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    const busy = burst.find((r) => r.statusCode === 429);
    expect(busy?.json().error.code).toBe('rate_limited');
    // another call-up is not held back by this one's crowd
    const elsewhere = await newCallup(5);
    expect((await askCode(elsewhere, '13903710005')).statusCode).toBe(202);
  });

  it('sends no code for a call-up whose approvals fill it, nor for a bad phone', async () => {
    const token = await newCallup(1);
    const { devCode } = (await askCode(token, '13903710006')).json();
    const s = await signUp(token, { phone: '13903710006', code: devCode });
    await t.ok('POST', `/api/forces/signups/${s.json().id}/decision`, admin, { decision: 'approved' });
    const full = await askCode(token, '13903710007');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('名额已满');
    const bad = await askCode(token, '12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('phone');
  });

  it('answers 503 when the SMS gateway fails, and the phone may ask again at once', async () => {
    const token = await newCallup(5);
    const config = t.services.config;
    // a gateway nobody listens on (port 9, discard): the send fails
    Object.assign(t.services, {
      config: { ...config, smsSender: 'webhook', smsWebhookUrl: 'http://127.0.0.1:9/sms' },
    });
    try {
      const failed = await askCode(token, '13903710077');
      expect(failed.statusCode).toBe(503);
      expect(failed.json().error).toMatchObject({ code: 'unavailable', message: '短信发送失败，请稍后再试' });
    } finally {
      Object.assign(t.services, { config });
    }
    const again = await askCode(token, '13903710077');
    expect(again.statusCode).toBe(202);
  });
});
