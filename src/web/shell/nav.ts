// The desk modules in the side menu. A module appears only when it exists and the user holds its permission.
export interface NavItem {
  key: string;
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.ledger'
    | 'nav.screening'
    | 'nav.forces'
    | 'nav.callups'
    | 'nav.rosters'
    | 'nav.gates'
    | 'nav.checkpoints'
    | 'nav.isolation'
    | 'nav.care'
    | 'nav.org'
    | 'nav.users'
    | 'nav.audit';
  permission?: string;
  testId: string;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', testId: 'nav-home' },
  { key: 'ledger', path: '/ledger', labelKey: 'nav.ledger', permission: 'ledger.read', testId: 'nav-ledger' },
  {
    key: 'screening',
    path: '/screening',
    labelKey: 'nav.screening',
    // progress is read by whoever reads the ledger (the command too); starting and closing need screening.manage
    permission: 'ledger.read',
    testId: 'nav-screening',
  },
  { key: 'forces', path: '/forces', labelKey: 'nav.forces', permission: 'forces.read', testId: 'nav-forces' },
  {
    key: 'callups',
    path: '/callups',
    labelKey: 'nav.callups',
    permission: 'forces.read',
    testId: 'nav-callups',
  },
  {
    key: 'rosters',
    path: '/rosters',
    labelKey: 'nav.rosters',
    permission: 'forces.read',
    testId: 'nav-rosters',
  },
  { key: 'gates', path: '/gates', labelKey: 'nav.gates', permission: 'gate.read', testId: 'nav-gates' },
  {
    key: 'checkpoints',
    path: '/checkpoints',
    labelKey: 'nav.checkpoints',
    // the checkpoints' staff and offices, and the communities that receive hand-overs
    permission: 'handover.read',
    testId: 'nav-checkpoints',
  },
  {
    key: 'isolation',
    path: '/isolation',
    labelKey: 'nav.isolation',
    permission: 'isolation.read',
    testId: 'nav-isolation',
  },
  { key: 'care', path: '/care', labelKey: 'nav.care', permission: 'care.read', testId: 'nav-care' },
  { key: 'org', path: '/org', labelKey: 'nav.org', permission: 'org.read', testId: 'nav-org' },
  {
    key: 'users',
    path: '/access/users',
    labelKey: 'nav.users',
    permission: 'user.read',
    testId: 'nav-users',
  },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', permission: 'audit.read', testId: 'nav-audit' },
];

export function activeNavKey(pathname: string): string {
  const hit = NAV_ITEMS.filter(
    (i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)),
  );
  return hit[0]?.key ?? 'home';
}
