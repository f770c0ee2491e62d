import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FlagOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import type { Messages } from '../../i18n/zh-CN';

interface Entry {
  path: string;
  permission: string;
  title: `nav.${keyof Messages['nav']}`;
  desc: `home.${keyof Messages['home']}`;
  icon: ReactNode;
}

const ENTRIES: Entry[] = [
  {
    path: '/ledger',
    permission: 'ledger.read',
    title: 'nav.ledger',
    desc: 'home.ledgerDesc',
    icon: <SolutionOutlined />,
  },
  {
    path: '/screening',
    permission: 'ledger.read',
    title: 'nav.screening',
    desc: 'home.screeningDesc',
    icon: <ScheduleOutlined />,
  },
  {
    path: '/forces',
    permission: 'forces.read',
    title: 'nav.forces',
    desc: 'home.forcesDesc',
    icon: <FlagOutlined />,
  },
  {
    path: '/callups',
    permission: 'forces.read',
    title: 'nav.callups',
    desc: 'home.callupsDesc',
    icon: <NotificationOutlined />,
  },
  {
    path: '/rosters',
    permission: 'forces.read',
    title: 'nav.rosters',
    desc: 'home.rostersDesc',
    icon: <CalendarOutlined />,
  },
  {
    path: '/org',
    permission: 'org.read',
    title: 'nav.org',
    desc: 'home.orgDesc',
    icon: <ApartmentOutlined />,
  },
  {
    path: '/access/users',
    permission: 'user.read',
    title: 'nav.users',
    desc: 'home.usersDesc',
    icon: <TeamOutlined />,
  },
  {
    path: '/audit',
    permission: 'audit.read',
    title: 'nav.audit',
    desc: 'home.auditDesc',
    icon: <AuditOutlined />,
  },
];

/** Links into the modules the user may use. */
export function ModuleLinks() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const entries = ENTRIES.filter((e) => hasPermission(me, e.permission));
  if (entries.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('home.modules')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col xs={24} md={8} key={e.path}>
            <Link to={e.path}>
              <Card hoverable size="small">
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#c62828' }}>{e.icon}</span>}
                  title={t(e.title)}
                  description={t(e.desc)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
