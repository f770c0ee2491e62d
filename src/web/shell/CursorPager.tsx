import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  hasPrev: boolean;
  nextCursor: string | null | undefined;
  onPrev: () => void;
  onNext: (cursor: string) => void;
  testId: string;
}

/** Previous / next for keyset-paginated tables (`after` / `next`). */
export function CursorPager({ page, hasPrev, nextCursor, onPrev, onNext, testId }: Props) {
  const { t } = useTranslation();
  if (!hasPrev && !nextCursor) return null;
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
      <Button
        size="small"
        icon={<LeftOutlined />}
        disabled={!hasPrev}
        onClick={onPrev}
        data-testid={`${testId}-prev`}
      >
        {t('common.prevPage')}
      </Button>
      <Typography.Text type="secondary">{t('common.page', { n: page })}</Typography.Text>
      <Button
        size="small"
        disabled={!nextCursor}
        onClick={() => nextCursor && onNext(nextCursor)}
        data-testid={`${testId}-next`}
      >
        {t('common.nextPage')} <RightOutlined />
      </Button>
    </Space>
  );
}
