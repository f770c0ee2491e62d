import type { Role } from '../../domain/access/roles';
import type { FacilityKind, LocalKind } from '../../domain/org/units';
import type { Db } from '../db/connection';
import * as access from '../modules/access/service';
import { seedDemoCare } from '../modules/care/service';
import { createCampaign } from '../modules/ledger/screening';
import * as org from '../modules/org/service';
import { verifyPassword } from '../platform/auth/password';
import { platformToday } from '../platform/clock';
import type { Scope as ScopeType } from '../platform/scope';
import { Scope } from '../platform/scope';
import type { Services } from '../platform/services';
import { seedDemoCheckpoints } from './demoCheckpoints';
import { seedDemoDuty } from './demoDuty';
import { seedDemoForces } from './demoForces';
import { seedDemoGates } from './demoGates';
import { seedDemoIsolation } from './demoIsolation';
import { type SeedLedgerResult, seedDemoLedger } from './demoLedger';

// The demo city: Zhengzhou's real divisions, and for a handful of real communities named in the
// reports (省民航社区, 淮河社区, the communities of 长兴路街道) grids, courtyards, buildings, facilities and a
// user for every role, and a ledger of households and residents in their buildings (demoLedger.ts).

export const DEMO_PASSWORD = 'Wangge2020';
const SHENGMINHANG = '410105002008'; // 省民航社区, 花园路街道, 金水区
const HUAIHE = '410103001001'; // 淮河社区, 淮河路街道, 二七区
const CHANGXINGLU = '410108004'; // 长兴路街道, 惠济区

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
}

export interface DemoResult {
  seeded: boolean;
  units: number;
  users: DemoUser[];
  /** households and residents of the demo ledger */
  ledger?: SeedLedgerResult;
}

/** The communities whose buildings the demo ledger fills. */
export const DEMO_LEDGER_UNITS = [SHENGMINHANG, HUAIHE, CHANGXINGLU];
/** Residents of the demo ledger on first start (省民航社区 alone had 1,730 households in the report). */
export const DEMO_RESIDENTS = 10_000;

type Make = (parentCode: string, kind: LocalKind, name: string) => Promise<string>;

async function buildCommunity(
  make: Make,
  community: string,
  grids: number,
  courtyardsPerGrid: number,
  buildingsPerCourtyard: number,
  prefix = '',
) {
  let n = 1;
  const made = { grids: [] as string[], buildings: [] as string[] };
  for (let g = 1; g <= grids; g++) {
    const grid = await make(community, 'grid', `${prefix}第${'一二三四五六七八九十'[g - 1] ?? g}网格`);
    made.grids.push(grid);
    for (let c = 1; c <= courtyardsPerGrid; c++) {
      const yard = await make(grid, 'courtyard', `${prefix}${g}区${c}号院`);
      for (let b = 0; b < buildingsPerCourtyard; b++)
        made.buildings.push(await make(yard, 'building', `${n++}号楼`));
    }
  }
  return made;
}

export async function seedDemo(
  services: Services,
  rootCode = '410000',
  residents = DEMO_RESIDENTS,
): Promise<DemoResult> {
  const { db } = services;
  const already = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'smh_admin')
    .executeTakeFirst();
  const users = demoUsers();
  if (already) return { seeded: false, units: 0, users };
  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', rootCode)
    .executeTakeFirst();
  if (!root) {
    throw new Error(
      'the official divisions are not imported yet: start the server once (npm start), or run ' +
        '`npx wangge divisions import --province 41 --city 4101`',
    );
  }
  const scope: ScopeType = new Scope([
    { id: '0', role: 'system_admin', unitId: root.id, unitPath: root.path },
  ]);
  const actor = {
    scope,
    locale: 'zh-CN' as const,
    userId: (await adminId(services)) ?? null,
    username: 'demo',
  };
  let units = 0;
  const make: Make = async (parentCode, kind, name) => {
    units++;
    return (await org.createUnit(services, actor, { parentCode, kind, name })).code;
  };

  // 省民航社区: 83 buildings in the report; here 4 grids × 3 courtyards × 7 buildings = 84.
  const smh = await buildCommunity(make, SHENGMINHANG, 4, 3, 7);
  await buildCommunity(make, HUAIHE, 3, 2, 4);
  const towns = await db
    .selectFrom('units')
    .select('code')
    .where('parent_id', '=', db.selectFrom('units').select('id').where('code', '=', CHANGXINGLU))
    .orderBy('code')
    .execute();
  for (const t of towns) await buildCommunity(make, t.code, 2, 1, 3);

  const facilities: [string, FacilityKind, string][] = [
    [CHANGXINGLU, 'checkpoint', '长兴路防疫服务站'],
    ['410108', 'checkpoint', '连霍高速惠济站卡点'],
    [SHENGMINHANG, 'testing_site', '省民航社区核酸采样点'],
    [HUAIHE, 'testing_site', '淮河社区核酸采样点'],
    ['410105', 'isolation_site', '金水区集中隔离点'],
    ['410100', 'designated_hospital', '郑州市第六人民医院'],
    ['410105', 'fever_clinic', '金水区人民医院发热门诊'],
    [CHANGXINGLU, 'warehouse', '长兴路街道防疫物资仓库'],
  ];
  for (const [unitCode, kind, name] of facilities)
    await org.createFacility(services, actor, { unitCode, kind, name });

  const placeOf: Record<string, string> = { grid1: smh.grids[0], building1: smh.buildings[0] };
  for (const u of users) {
    const unitCode = placeOf[u.unitCode] ?? u.unitCode;
    u.unitCode = unitCode;
    const created = await access.createUser(services, actor, {
      username: u.username,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      homeUnitCode: unitCode,
      phone: null,
    });
    await access.grantRole(services, actor, created.id, { role: u.role, unitCode });
  }
  const ledger = await seedDemoLedger(services, actor, { residents, within: DEMO_LEDGER_UNITS });
  // a door-to-door screening under way in 省民航社区, for the phone screens
  await createCampaign(services, actor, {
    unitCode: SHENGMINHANG,
    name: '省民航社区第二轮入户排查',
    startsOn: platformToday(services.config),
  });
  // the people who serve, their branches and 包保, then a call-up and a roster for them
  await seedDemoForces(services, actor);
  await seedDemoDuty(services, actor);
  // the checkpoints' passages of the week (on the duty shifts above), a few hand-overs waiting
  await seedDemoCheckpoints(services);
  // a courtyard gate with passes at 省民航社区
  await seedDemoGates(services, actor);
  // key persons under each measure, their checks, a fever transfer, an isolation site's rooms
  await seedDemoIsolation(services, actor);
  // care (生活保障): requests delivered, on their way, waiting and overdue; household links
  await seedDemoCare(services, actor);
  return { seeded: true, units, users, ledger };
}

/**
 * The demo users who can still log in with the published demo password (not disabled). While there
 * are any, anyone who has read the README can sign in as them: `zhihuibu` reveals ID numbers and
 * phones and exports across the whole city.
 */
export async function demoPasswordUsers(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'password_hash'])
    .where(
      'username',
      'in',
      demoUsers().map((u) => u.username),
    )
    .where('disabled', '=', false)
    .orderBy('username')
    .execute();
  const open: string[] = [];
  for (const r of rows) if (await verifyPassword(r.password_hash, DEMO_PASSWORD)) open.push(r.username);
  return open;
}

/** What the server prints on start while demo users keep the published password (both languages). */
export function demoNotice(users: string[]): string[] {
  if (!users.length) return [];
  const bar = '='.repeat(78);
  return [
    bar,
    `这是演示系统 — THIS IS A DEMO. The demo users' password (${DEMO_PASSWORD}) is published:`,
    `anyone can sign in as ${users.join(', ')}.`,
    ...(users.includes('zhihuibu')
      ? ['zhihuibu (指挥部) reveals ID numbers and phones and exports lists for the whole city.']
      : []),
    '演示账号的密码是公开的，任何人都能登录；zhihuibu 可查看全市完整身份证号、手机号并导出。',
    'For real use start with WANGGE_DEMO=0 on a new data directory (WANGGE_DATA_DIR), or disable',
    'these users. 正式使用请以 WANGGE_DEMO=0 在新的数据目录启动，或停用这些演示账号。',
    bar,
  ];
}

async function adminId(services: Services) {
  return (
    await services.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst()
  )?.id;
}

/** A user for every role, scoped to the real units of the reports. */
export function demoUsers(): DemoUser[] {
  return [
    { username: 'zhihuibu', displayName: '郑州市指挥部', role: 'command', unitCode: '410100' },
    {
      username: 'huayuanlu_admin',
      displayName: '花园路街道管理员',
      role: 'unit_admin',
      unitCode: '410105002',
    },
    { username: 'smh_admin', displayName: '省民航社区管理员', role: 'unit_admin', unitCode: SHENGMINHANG },
    { username: 'smh_grid1', displayName: '省民航第一网格员', role: 'grid_worker', unitCode: 'grid1' },
    { username: 'smh_louzhang', displayName: '省民航楼栋长', role: 'building_leader', unitCode: 'building1' },
    { username: 'huaihe_admin', displayName: '淮河社区管理员', role: 'unit_admin', unitCode: HUAIHE },
    { username: 'huaihe_caiyang', displayName: '淮河社区采样员', role: 'sampler', unitCode: HUAIHE },
    {
      username: 'changxinglu_kadian',
      displayName: '长兴路卡点值守',
      role: 'checkpoint_staff',
      unitCode: CHANGXINGLU,
    },
    { username: 'smh_zhiyuanzhe', displayName: '省民航志愿者', role: 'volunteer', unitCode: SHENGMINHANG },
  ];
}
