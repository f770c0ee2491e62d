import { DeleteOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deleteUnit } from '../../http/org';
import type { Unit } from '../../http/types';
import { testIdProps } from '../../shell/testId';
import { useOrgMutation } from './useOrgMutation';

/** Delete after a confirmation; the server refuses (409) a unit that still has children, facilities or users. */
export function DeleteUnitButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const mutation = useOrgMutation(
    () => deleteUnit(unit.code),
    async () => {
      message.success(t('org.deleted', { name: unit.name }));
      await navigate(unit.parentCode ? `/org/${unit.parentCode}` : '/org', { replace: true });
    },
    unit.code,
  );
  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      loading={mutation.isPending}
      data-testid="delete-unit"
      onClick={() =>
        modal.confirm({
          title: t('org.deleteConfirm', { name: unit.name }),
          content: t('org.deleteHint'),
          okText: t('common.delete'),
          okType: 'danger',
          cancelText: t('common.cancel'),
          okButtonProps: testIdProps('delete-unit-confirm'),
          onOk: () => mutation.mutateAsync(undefined).catch(() => undefined),
        })
      }
    >
      {t('org.delete')}
    </Button>
  );
}
