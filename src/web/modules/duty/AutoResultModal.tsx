import { Alert, List, Modal, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AutoScheduleAnswer } from '../../http/duty';

/** What the auto-scheduler did: the share of places filled, the spread of hours, why places stayed empty. */
export function AutoResultModal({ result, onClose }: { result: AutoScheduleAnswer; onClose: () => void }) {
  const { t } = useTranslation();
  const share = result.needed ? Math.round((result.filled / result.needed) * 100) : 100;
  return (
    <Modal
      open
      title={t('duty.roster.autoTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={640}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="auto-result">
        <Progress percent={share} status={share < 100 ? 'exception' : 'success'} />
        <Typography.Text strong data-testid="auto-filled">
          {t('duty.roster.filledShare', { filled: result.filled, needed: result.needed })}
        </Typography.Text>
        <Typography.Text>{t('duty.roster.spread', result.spread)}</Typography.Text>
        <Typography.Text type="secondary">
          {t('duty.roster.took', { ms: result.ms, candidates: result.candidates })}
          {result.skipped > 0 && ` · ${t('duty.roster.skipped', { n: result.skipped })}`}
        </Typography.Text>
        {result.unfilledTotal === 0 ? (
          <Alert type="success" title={t('duty.roster.allFilled')} showIcon />
        ) : (
          <List
            size="small"
            bordered
            header={t('duty.roster.unfilled', { n: result.unfilledTotal })}
            dataSource={result.unfilled}
            style={{ maxHeight: 320, overflow: 'auto' }}
            renderItem={(u) => <List.Item>{u.message}</List.Item>}
          />
        )}
      </Space>
    </Modal>
  );
}
