import { ShoppingOutlined } from '@ant-design/icons';
import { Badge, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCareTasks } from './data';

/** The home tile of 我的配送, with the tasks on their way and the requests waiting to be taken. */
export function FieldCareTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { mine, open } = useCareTasks();
  const onWay = (mine ?? []).filter((r) => r.state === 'assigned' && r.pending !== 'deliver').length;
  const waiting = (open ?? []).length;
  const overdue = (open ?? []).some((r) => r.state === 'overdue') || (mine ?? []).some((r) => r.late);
  return (
    <List style={{ marginTop: 8 }}>
      <List.Item
        data-testid="field-care"
        prefix={<ShoppingOutlined style={{ fontSize: 26, color: '#c62828' }} />}
        description={
          <span data-testid="field-care-desc">
            {mine && (onWay > 0 || waiting > 0)
              ? t('care.field.entryCounts', { mine: onWay, open: waiting })
              : t('care.field.entryDesc')}
          </span>
        }
        extra={
          onWay + waiting > 0 ? (
            <Badge
              content={<span data-testid="field-care-count">{onWay + waiting}</span>}
              color={overdue ? '#cf1322' : '#fa8c16'}
              style={{ '--right': '0', '--top': '0' }}
            />
          ) : undefined
        }
        onClick={() => void navigate('/field/care')}
        style={{ fontSize: 18 }}
      >
        {t('care.field.title')}
      </List.Item>
    </List>
  );
}
