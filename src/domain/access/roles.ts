// What each role may do, as data. A role is granted on a unit; its permissions hold in that unit's subtree.

export const PERMISSIONS = [
  'org.read', // browse the tree and facilities 浏览网格
  'org.write', // create, rename, move, delete grids, courtyards, buildings 维护网格
  'facility.write', // attach facilities to units 维护设施
  'user.read', // list users 查看用户
  'user.manage', // create users, grant and revoke roles, revoke sessions 管理用户
  'pii.reveal', // see a full ID number or phone 查看完整身份证号、手机号
  'data.export', // export lists 导出
  'audit.read', // read the audit log 查看审计日志
  'ledger.read', // read the household ledger and its counts 查看入户台账
  'ledger.write', // change households and residents, set a colour by hand 维护入户台账
  'ledger.import', // import ledger sheets 导入台账
  'screening.manage', // start and close door-to-door screening campaigns 组织入户排查
  'screening.visit', // visit households in a campaign 入户排查走访
  'forces.read', // see the people who serve, branches and teams, 包保, call-ups, rosters and hours 查看力量
  'forces.manage', // register people, organise, assign 包保, run call-ups and rosters 力量调度
  'checkpoint.register', // register passages at checkpoints, read their lists and counts 卡点登记
  'checkpoint.manage', // set a checkpoint's steps 卡点设置
  'handover.read', // see hand-overs from checkpoints to communities 查看移交
  'gate.read', // see courtyard gates, their scans, who is still out, visitors 查看门岗
  'gate.scan', // scan passes and register visitors at a gate 门岗值守
  'gate.manage', // set up gates, their rule, issue passes and exemptions 管理门岗
  'isolation.read', // see key persons, their measures, checks and transfers, and the isolation sites 查看重点人员
  'isolation.write', // register key persons, put them under measures, record checks, open transfers 隔离管控
  'care.read', // see the requests of households that cannot go out and the day's list 查看生活保障
  'care.manage', // ask for a household, give its link, assign volunteers, cancel 生活保障派单
  'care.deliver', // take requests and mark them delivered (a volunteer's own tasks) 生活保障配送
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'system_admin',
  'command',
  'unit_admin',
  'grid_worker',
  'building_leader',
  'checkpoint_staff',
  'sampler',
  'volunteer',
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleDefinition {
  role: Role;
  zh: string;
  en: string;
  permissions: readonly Permission[];
  /** roles a holder of this role may grant inside their scope */
  mayGrant: readonly Role[];
}

const FIELD_ROLES: readonly Role[] = [
  'grid_worker',
  'building_leader',
  'checkpoint_staff',
  'sampler',
  'volunteer',
];

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  system_admin: {
    role: 'system_admin',
    zh: '系统管理员',
    en: 'System administrator',
    permissions: PERMISSIONS,
    mayGrant: ROLES,
  },
  command: {
    role: 'command',
    zh: '指挥部',
    en: 'Command centre',
    permissions: [
      'org.read',
      'user.read',
      'pii.reveal',
      'data.export',
      'audit.read',
      'ledger.read',
      'forces.read',
      'checkpoint.register',
      'checkpoint.manage',
      'handover.read',
      'gate.read',
      'isolation.read',
      'care.read',
    ],
    mayGrant: [],
  },
  unit_admin: {
    role: 'unit_admin',
    zh: '街道/社区管理员',
    en: 'Unit administrator',
    permissions: [
      'org.read',
      'org.write',
      'facility.write',
      'user.read',
      'user.manage',
      'pii.reveal',
      'data.export',
      'audit.read',
      'ledger.read',
      'ledger.write',
      'ledger.import',
      'screening.manage',
      'screening.visit',
      'forces.read',
      'forces.manage',
      'checkpoint.register',
      'checkpoint.manage',
      'handover.read',
      'gate.read',
      'gate.scan',
      'gate.manage',
      'isolation.read',
      'isolation.write',
      'care.read',
      'care.manage',
    ],
    mayGrant: ['unit_admin', ...FIELD_ROLES],
  },
  grid_worker: {
    role: 'grid_worker',
    zh: '网格员',
    en: 'Grid worker',
    permissions: [
      'org.read',
      'pii.reveal',
      'ledger.read',
      'ledger.write',
      'screening.visit',
      'forces.read',
      'handover.read',
      'gate.read',
      'gate.scan',
      'isolation.read',
      'isolation.write',
      'care.read',
      'care.manage',
    ],
    mayGrant: [],
  },
  building_leader: {
    role: 'building_leader',
    zh: '楼栋长',
    en: 'Building leader',
    permissions: ['org.read', 'ledger.read', 'screening.visit', 'gate.read', 'gate.scan'],
    mayGrant: [],
  },
  checkpoint_staff: {
    role: 'checkpoint_staff',
    zh: '卡点值守人员',
    en: 'Checkpoint staff',
    permissions: ['org.read', 'checkpoint.register', 'handover.read', 'gate.read', 'gate.scan'],
    mayGrant: [],
  },
  sampler: {
    role: 'sampler',
    zh: '采样员',
    en: 'Sampler',
    permissions: ['org.read'],
    mayGrant: [],
  },
  volunteer: {
    role: 'volunteer',
    zh: '志愿者',
    en: 'Volunteer',
    permissions: ['org.read', 'gate.read', 'gate.scan', 'care.deliver'],
    mayGrant: [],
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The permissions a set of roles carries together. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_DEFINITIONS[r].permissions) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

/** Roles that carry a permission. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => ROLE_DEFINITIONS[r].permissions.includes(permission));
}
