import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  ScheduleOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, useMe } from '../http/auth';
import { activeNavKey, NAV_ITEMS } from './nav';

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  ledger: <SolutionOutlined />,
  screening: <ScheduleOutlined />,
  isolation: <MedicineBoxOutlined />,
  care: <ShoppingOutlined />,
  org: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
};

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((i) => !i.permission || hasPermission(me, i.permission)).map((i) => ({
    key: i.key,
    icon: ICONS[i.key],
    label: (
      <Link to={i.path} data-testid={i.testId} onClick={onNavigate}>
        {t(i.labelKey)}
      </Link>
    ),
  }));
  return <Menu mode="inline" theme="dark" selectedKeys={[activeNavKey(pathname)]} items={items} />;
}
