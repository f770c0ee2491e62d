import { HeartOutlined } from '@ant-design/icons';
import { Badge, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDueRows } from './data';
import { dueCounts } from './dueList';

/** The home tile of the twice-daily checks (健康监测), with the checks still to do today. */
export function FieldIsolationTile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rows } = useDueRows();
  const counts = rows ? dueCounts(rows) : undefined;
  const open = counts ? counts.due + counts.overdue : 0;
  const allDone = !!rows?.length && rows.every((r) => r.urgency === 'done');
  return (
    <List style={{ marginTop: 8 }}>
      <List.Item
        data-testid="field-isolation"
        prefix={<HeartOutlined style={{ fontSize: 26, color: '#c62828' }} />}
        description={
          <span data-testid="field-isolation-desc">
            {counts && counts.overdue > 0
              ? t('fieldIsolation.entryCounts', counts)
              : counts && counts.due > 0
                ? t('fieldIsolation.entryDue', counts)
                : allDone
                  ? t('fieldIsolation.entryAllDone')
                  : t('fieldIsolation.entryDesc')}
          </span>
        }
        extra={
          open > 0 ? (
            <Badge
              content={<span data-testid="field-isolation-count">{open}</span>}
              color={counts?.overdue ? '#cf1322' : '#fa8c16'}
              style={{ '--right': '0', '--top': '0' }}
            />
          ) : undefined
        }
        onClick={() => void navigate('/field/isolation')}
        style={{ fontSize: 18 }}
      >
        {t('fieldIsolation.title')}
      </List.Item>
    </List>
  );
}
