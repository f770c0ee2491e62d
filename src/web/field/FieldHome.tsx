import { CarOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, List, NavBar, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../http/auth';
import { useLanguage } from '../i18n/useLanguage';
import { kindLabel } from '../modules/org/kindLabel';
import { roleLabel } from '../shell/roleLabel';
import { useLogout } from '../shell/useLogout';
import { FieldCareTile } from './care/FieldCareTile';
import { FieldLangSwitch } from './FieldLangSwitch';
import { FieldSearch } from './FieldSearch';
import { FieldIsolationTile } from './isolation/FieldIsolationTile';

/** The phone home: who I am, my roles and units, search, the way down the tree. */
export function FieldHome() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout('/field/login');
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingBottom: 32 }}>
      <NavBar back={null} style={{ background: '#c62828', color: '#fff' }}>
        {t('field.title')}
      </NavBar>
      <div style={{ padding: 16, background: '#fff' }}>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="field-user-name">
          {me?.displayName ?? me?.username}
        </div>
        <Space wrap style={{ marginTop: 8 }}>
          {(me?.grants ?? []).map((g) => (
            <Tag key={String(g.id)} color="danger" fill="outline">
              {roleLabel(g.role, lang)} · {g.unit?.name}
            </Tag>
          ))}
        </Space>
      </div>
      {hasPermission(me, 'screening.visit') && (
        <List style={{ marginTop: 8 }}>
          <List.Item
            data-testid="field-screening"
            prefix={<SolutionOutlined style={{ fontSize: 26, color: '#c62828' }} />}
            description={t('fieldScreening.entryDesc')}
            onClick={() => void navigate('/field/screening')}
            style={{ fontSize: 18 }}
          >
            {t('fieldScreening.entry')}
          </List.Item>
        </List>
      )}
      {hasPermission(me, 'checkpoint.register') && (
        <List style={{ marginTop: 8 }}>
          <List.Item
            data-testid="field-checkpoints"
            prefix={<CarOutlined style={{ fontSize: 26, color: '#c62828' }} />}
            description={t('checkpoints.field.entryDesc')}
            onClick={() => void navigate('/field/checkpoints')}
            style={{ fontSize: 18 }}
          >
            {t('checkpoints.field.entry')}
          </List.Item>
        </List>
      )}
      {hasPermission(me, 'isolation.write') && <FieldIsolationTile />}
      {hasPermission(me, 'care.deliver') && <FieldCareTile />}
      <List style={{ marginTop: 8 }}>
        <List.Item
          data-testid="field-shifts-entry"
          prefix={<ScheduleOutlined style={{ fontSize: 26, color: '#c62828' }} />}
          description={t('duty.field.entryDesc')}
          onClick={() => void navigate('/field/shifts')}
          style={{ fontSize: 18 }}
        >
          {t('duty.field.entry')}
        </List.Item>
      </List>
      <FieldSearch />
      <List header={t('field.myUnits')} data-testid="field-my-units">
        {(me?.units ?? []).map((u) => (
          <List.Item
            key={u.code}
            data-testid={`field-unit-${u.code}`}
            description={kindLabel(u)}
            extra={u.childCount > 0 ? u.childCount : undefined}
            onClick={() => void navigate(`/field/unit/${u.code}`)}
          >
            {u.name}
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 16 }}>
        <Space direction="vertical" block>
          <FieldLangSwitch />
          <Button
            block
            color="danger"
            fill="outline"
            onClick={() => void logout()}
            data-testid="field-logout"
          >
            {t('auth.logout')}
          </Button>
          <Link to="/" style={{ color: '#666' }}>
            {t('field.openDesk')}
          </Link>
        </Space>
      </div>
    </div>
  );
}
