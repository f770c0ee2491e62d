import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUnit } from '../../http/org';
import type { Unit } from '../../http/types';
import { NameModal } from './NameModal';
import { type CreatedKind, creatableUnder } from './rules';
import { useOrgMutation } from './useOrgMutation';

const LABEL = {
  grid: 'org.createGrid',
  courtyard: 'org.createCourtyard',
  building: 'org.createBuilding',
} as const;

/** 新建网格 / 新建小区楼院 / 新建楼栋 under the unit, where the tree allows it. */
export function CreateChildButtons({ parent }: { parent: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<CreatedKind | null>(null);
  const mutation = useOrgMutation(
    (v: { kind: CreatedKind; name: string }) =>
      createUnit({ parentCode: parent.code, kind: v.kind, name: v.name }),
    (created) => {
      message.success(t('org.created', { name: created?.name ?? '' }));
      setKind(null);
    },
  );
  const kinds = creatableUnder(parent.kind);
  if (kinds.length === 0) return null;
  return (
    <>
      {kinds.map((k) => (
        <Button key={k} icon={<PlusOutlined />} onClick={() => setKind(k)} data-testid={`create-${k}`}>
          {t(LABEL[k])}
        </Button>
      ))}
      <NameModal
        open={kind !== null}
        title={kind ? t('org.createTitle', { parent: parent.name, action: t(LABEL[kind]) }) : ''}
        pending={mutation.isPending}
        testId="create-unit"
        onSubmit={(name) => kind && mutation.mutate({ kind, name })}
        onCancel={() => setKind(null)}
      />
    </>
  );
}
