import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { type ServerEvent, useServerEvents } from '../../shell/useServerEvents';
import { shiftLabel } from './presetText';

interface AlertData {
  facility: string;
  day: string;
  label: string;
  kind: 'missed' | 'understaffed';
  headcount: number;
  assigned: number;
  checkedIn: number;
}

function Listener() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useServerEvents(['duty.alert'], (e: ServerEvent) => {
    void queryClient.invalidateQueries({ queryKey: ['duty', 'alerts'] });
    const a = e.data as unknown as AlertData | undefined;
    if (!a) return;
    const shown = { ...a, label: shiftLabel(a.label) };
    notification.warning({
      key: `duty-alert-${a.facility}-${a.day}-${a.label}-${a.kind}`,
      title: t(a.kind === 'missed' ? 'duty.notify.missed' : 'duty.notify.understaffed', shown),
      description: t('duty.notify.detail', shown),
      placement: 'bottomRight',
      duration: 30,
      onClick: () => navigate('/rosters?tab=alerts'),
    });
  });
  return null;
}

/**
 * 值守预警: a shift missed or short of people somewhere in the user's scope shows as a notice on any
 * desk screen, as the server's alert job finds it (every five minutes); a click leads to the alerts.
 */
export function DutyAlertNotifier() {
  const { data: me } = useMe();
  return hasPermission(me, 'forces.read') ? <Listener /> : null;
}
