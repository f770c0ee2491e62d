import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { KeyPersonCategory } from '../../domain/isolation/keyPerson';
import type { MeasureKind } from '../../domain/isolation/measures';
import { recordKey } from '../../domain/ledger/household';
import { addDays } from '../../domain/ledger/keyAreas';
import { shanghaiDayStart } from '../../domain/time/shanghai';
import { recordCheck } from '../modules/isolation/checks';
import { createKeyPerson } from '../modules/isolation/keyPersons';
import { importList } from '../modules/isolation/lists';
import { addRooms } from '../modules/isolation/sites';
import { updateTransfer } from '../modules/isolation/transfers';
import type { Actor } from '../platform/access';
import { platformNow, platformToday } from '../platform/clock';
import type { Services } from '../platform/services';
import { workbookBuffer } from '../sheets/excelJs';

// The demo city's key persons (issue 14), as one street reported them (长兴路街道: 183 back from key areas,
// 201 under home observation, 29 in centralised isolation, 2 under health monitoring) but a handful: in
// 省民航社区 and the communities of 长兴路街道, residents under each measure, some for days already; rooms
// at 金水区集中隔离点 with two of them in; the checks of the last two days (at the door and by phone) and
// this morning's where the morning is over; one fever found yesterday, its transfer picked up; a list sent
// down to 长兴路街道 with four found, one routed by the address and one to chase.

const SHENGMINHANG = '410105002008';
const CHANGXINGLU = '410108004';

/** category, measure, days since it started (0: today) */
const CASES: [KeyPersonCategory, MeasureKind, number][] = [
  ['key_area', 'home_isolation', 10],
  ['key_area', 'home_isolation', 6],
  ['key_area', 'home_isolation', 2],
  ['key_area', 'home_isolation', 0],
  ['inbound', 'home_observation', 8],
  ['inbound', 'home_observation', 3],
  ['close_contact', 'centralised', 5],
  ['close_contact', 'centralised', 1],
  ['key_area', 'health_monitoring', 3],
  ['secondary_contact', 'home_isolation', 4],
];

async function residentsOf(services: Services, communityCode: string, n: number) {
  // one resident per household, present, in the community's buildings
  const { rows } = await sql<{ region_code: string; id: string; unit_path: string }>`
    SELECT DISTINCT ON (r.household_id) r.region_code, r.id::text AS id, r.unit_path
    FROM residents r JOIN units u ON u.code = ${communityCode}
    WHERE r.unit_path LIKE u.path || '.%' AND r.status = 'present'
    ORDER BY r.household_id, r.id
    LIMIT ${n}`.execute(services.db);
  return rows;
}

/** A demo user and the place their (first) grant is on. */
async function demoUser(services: Services, username: string) {
  const { rows } = await sql<{ id: string; unit_path: string }>`
    SELECT u.id::text AS id, g.unit_path FROM users u JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
    WHERE u.username = ${username} ORDER BY g.id LIMIT 1`.execute(services.db);
  return rows[0];
}

export async function seedDemoIsolation(services: Services, actor: Actor): Promise<{ keyPersons: number }> {
  const { db } = services;
  const today = platformToday(services.config);
  const now = platformNow(services.config).getTime();
  const site = await db
    .selectFrom('facilities')
    .select('id')
    .where('kind', '=', 'isolation_site')
    .where('name', '=', '金水区集中隔离点')
    .executeTakeFirst();
  const rooms = site
    ? (
        await addRooms(services, actor, site.id, {
          names: Array.from({ length: 20 }, (_, i) => String(101 + i)),
        })
      ).rooms
    : [];
  const grid1Worker = await demoUser(services, 'smh_grid1');
  const smhOffice = await demoUser(services, 'smh_admin');

  let made = 0;
  let roomIndex = 0;
  const checksFor: { key: string; startsOn: string }[] = [];
  for (const [community, cases] of [
    [SHENGMINHANG, CASES],
    [CHANGXINGLU, CASES.slice(0, 6)],
  ] as const) {
    const residents = await residentsOf(services, community, cases.length);
    for (const [i, r] of residents.entries()) {
      const [category, kind, days] = cases[i];
      const startsOn = addDays(today, -days);
      // the grid worker answers for the people of his grid (专人负责), the office for the rest
      const responsible =
        community !== SHENGMINHANG
          ? undefined
          : grid1Worker && r.unit_path.startsWith(`${grid1Worker.unit_path}.`)
            ? grid1Worker
            : smhOffice;
      const centralised = kind === 'centralised' && site && rooms[roomIndex];
      const k = await createKeyPerson(services, actor, {
        residentId: recordKey(r.region_code, r.id),
        category,
        source: i % 3 === 0 ? 'checkpoint' : i % 3 === 1 ? 'screening' : 'list',
        evidence:
          category === 'key_area'
            ? { travel: [{ placeCode: '420106', placeName: '武汉市武昌区', to: addDays(startsOn, -1) }] }
            : category === 'close_contact'
              ? { contactWith: '确诊病例 郑州市第12例', contactOn: addDays(startsOn, -1) }
              : {},
        measure: {
          kind: centralised || kind !== 'centralised' ? kind : 'home_isolation',
          startsOn,
          responsibleUserId: responsible?.id,
          doctor: '社区卫生服务中心 李医生',
          doorSeal: kind === 'home_isolation' ? 'alarm' : undefined,
          ...(centralised ? { siteId: site.id, roomId: rooms[roomIndex++].id } : {}),
        },
      }).catch(() => undefined); // a resident who cannot be answered for here is left out
      if (!k) continue;
      made++;
      checksFor.push({ key: k.keyPerson.id, startsOn });
    }
  }

  // the checks of the last two days and this morning's (when the morning is over), one fever yesterday
  let feverDone = false;
  for (const [n, c] of checksFor.entries()) {
    for (const back of [2, 1, 0]) {
      const day = addDays(today, -back);
      if (day < c.startsOn) continue;
      for (const hour of [9, 16]) {
        const at = shanghaiDayStart(day) + (hour * 60 + ((n * 7) % 50)) * 60_000;
        if (at > now) continue;
        const fever = !feverDone && back === 1 && hour === 16 && n === 2;
        if (fever) feverDone = true;
        await recordCheck(services, actor, c.key, {
          clientId: randomUUID(),
          how: (n + hour) % 3 === 0 ? 'phone' : 'door',
          temperatureC: fever ? 38.2 : 36.2 + ((n + back + hour) % 7) / 10,
          symptoms: fever ? ['fever', 'cough'] : [],
          mood: n % 5 === 4 ? 'fair' : 'good',
          needs: hour === 9 && n % 4 === 1 ? '需要代购大米、蔬菜' : undefined,
          checkedAt: new Date(at).toISOString(),
        }).catch(() => undefined); // older than the field queue accepts: not made
      }
    }
  }
  const { rows } = await sql<{ region_code: string; id: string }>`
    SELECT region_code, id::text AS id FROM isolation_transfers WHERE state = 'open' ORDER BY id LIMIT 1`.execute(
    db,
  );
  if (rows[0])
    await updateTransfer(services, actor, recordKey(rows[0].region_code, rows[0].id), {
      state: 'picked_up',
      destination: '金水区人民医院发热门诊',
      escort: '社区医生、120 急救车',
    });
  await seedDemoList(services, actor);
  return { keyPersons: made };
}

/**
 * A list sent down to 长兴路街道 (协查名单): residents of its communities not yet key persons (matched), one
 * not in the ledger whose address names a community (routed), one nobody can place (to chase).
 */
async function seedDemoList(services: Services, actor: Actor) {
  const { rows } = await sql<{ name: string; id_enc: Buffer }>`
    SELECT r.name, r.id_enc FROM residents r JOIN units u ON u.code = ${CHANGXINGLU}
    WHERE r.unit_path LIKE u.path || '.%' AND r.status = 'present' AND r.id_enc IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM key_persons k WHERE k.resident_region = r.region_code AND k.resident_id = r.id)
    ORDER BY r.id DESC LIMIT 4`.execute(services.db);
  const community = await services.db
    .selectFrom('units')
    .select(['name', 'path'])
    .where('kind', '=', 'village')
    .where('code', 'like', `${CHANGXINGLU}%`)
    .orderBy('code')
    .executeTakeFirst();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查名单');
  ws.addRow(['郑州市新冠肺炎疫情防控指挥部 协查人员名单']);
  ws.addRow(['序号', '姓名', '身份证号', '联系电话', '现住址', '协查原因']);
  rows.forEach((r, i) =>
    ws.addRow([i + 1, r.name, services.protector.decrypt(r.id_enc), '', '', '武汉返郑，近14天有武汉旅居史']),
  );
  ws.addRow([
    rows.length + 1,
    '周建国',
    '420106197803154518',
    '13937100000',
    `惠济区长兴路街道${community?.name ?? ''}`,
    '武汉返郑',
  ]);
  ws.addRow([rows.length + 2, '刘芳', '', '13837100001', '地址不详', '与确诊病例同乘 G79 次列车']);
  await importList(services, actor, {
    unitCode: CHANGXINGLU,
    title: '2月4日上级下发协查名单',
    category: 'key_area',
    data: await workbookBuffer(wb),
  });
}
