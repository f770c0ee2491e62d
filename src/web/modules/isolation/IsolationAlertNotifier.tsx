import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { ISOLATION_ALERT, type IsolationAlert, isolationKeys } from '../../http/isolation';
import { type ServerEvent, useServerEvents } from '../../shell/useServerEvents';
import { useIsolationLabels } from './labels';
import { useFeverThreshold } from './useFeverThreshold';

const TYPES = [ISOLATION_ALERT] as const;

function Listener() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useIsolationLabels();
  const threshold = useFeverThreshold();
  useServerEvents(TYPES, (e: ServerEvent) => {
    void queryClient.invalidateQueries({ queryKey: isolationKeys.all });
    const a = e.data as unknown as IsolationAlert | undefined;
    if (!a?.keyPerson) return;
    const key = `isolation-alert-${a.transfer}`;
    const open = () => {
      notification.destroy(key);
      navigate(`/isolation/${a.keyPerson}`);
    };
    notification.error({
      key,
      title:
        typeof a.temperatureC === 'number' && (a.temperatureC >= threshold || !a.symptoms?.length)
          ? t('isolation.alert.fever', { name: a.name, temperature: a.temperatureC.toFixed(1) })
          : t('isolation.alert.symptom', { name: a.name, symptoms: labels.symptoms(a.symptoms ?? []) }),
      description: (
        <span data-testid="isolation-alert">
          {a.unitName}{' '}
          <Button type="link" size="small" onClick={open} data-testid={`isolation-alert-open-${a.keyPerson}`}>
            {t('isolation.alert.open')}
          </Button>
        </span>
      ),
      placement: 'bottomRight',
      duration: 0,
    });
  });
  return null;
}

/**
 * 发热预警: a check at or above the fever threshold (or with a symptom) anywhere in the user's scope shows
 * at once as a notice on any desk screen, naming the person, with the way to their page; it stays until
 * closed (a fever is not to be missed).
 */
export function IsolationAlertNotifier() {
  const { data: me } = useMe();
  return hasPermission(me, 'isolation.read') ? <Listener /> : null;
}
