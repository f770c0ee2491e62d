import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { personIdIndex, personPhoneIndex } from './personRecord';

// The forces registry under parallel requests, on a real PostgreSQL (issue 11: races 2 and 10): one
// active person per phone and per ID number, one current membership per person and group. Requests are
// sent at once; only outcomes are asserted: one success and 409s naming the field, never a 500.

const A = '410105002008'; // 省民航社区

let t: TestApp;
let admin: string;
const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);

const statuses = (answers: { statusCode: number }[]) =>
  answers.map((a) => a.statusCode).sort((x, y) => x - y);

async function activeWith(column: 'phone_hmac' | 'id_hmac', hmac: Buffer) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM people WHERE ${sql.ref(column)} = ${hmac} AND status = 'active'`.execute(
    t.services.db,
  );
  return rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('one active person per phone and ID number (finding 2)', () => {
  it('six people registered at once with one phone: one 201, five 409 on phone', async () => {
    const phone = '13907550123';
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('POST', '/api/forces/people', admin, {
          unitCode: A,
          name: `同号${i}`,
          phone,
          isVolunteer: true,
        }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'phone' }] });
    expect(await activeWith('phone_hmac', personPhoneIndex(t.services.protector, phone))).toBe(1);
  });

  it('six people registered at once with one ID number: one 201, five 409 on idNumber', async () => {
    const id = generateIdNumber({ regionCode: '410105', birthDate: '1983-03-03', sequence: 733 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('POST', '/api/forces/people', admin, {
          unitCode: A,
          name: `同证${i}`,
          idNumber: id,
          isCadre: true,
        }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'idNumber' }] });
    expect(await activeWith('id_hmac', personIdIndex(t.services.protector, id))).toBe(1);
  });
});

describe('unique violations answer 409 (finding 10)', () => {
  it('one person added to a group six times at once: one success, five 409 on personId', async () => {
    const p = await ok('POST', '/api/forces/people', admin, {
      unitCode: A,
      name: '入队者',
      isVolunteer: true,
    });
    const g = await ok('POST', '/api/forces/groups', admin, {
      unitCode: A,
      kind: 'volunteer_team',
      name: '并发队',
    });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('POST', `/api/forces/groups/${g.id}/members`, admin, { personId: p.id, role: 'member' }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'personId' }] });
    const group = await ok('GET', `/api/forces/groups/${g.id}`, admin);
    expect(group.memberList.filter((m: { leftOn: string | null }) => !m.leftOn)).toHaveLength(1);
  });
});
