import { EditOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUnit } from '../../http/org';
import type { Unit } from '../../http/types';
import { NameModal } from './NameModal';
import { useOrgMutation } from './useOrgMutation';

export function RenameButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const mutation = useOrgMutation(
    (name: string) => updateUnit(unit.code, { name }),
    () => {
      message.success(t('org.renamed'));
      setOpen(false);
    },
  );
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="rename-unit">
        {t('org.rename')}
      </Button>
      <NameModal
        open={open}
        title={t('org.renameTitle', { name: unit.name })}
        initialName={unit.name}
        pending={mutation.isPending}
        testId="rename-unit"
        onSubmit={(name) => mutation.mutate(name)}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
