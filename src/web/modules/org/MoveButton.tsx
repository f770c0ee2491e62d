import { DragOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getChildren, orgKeys, updateUnit } from '../../http/org';
import type { Unit, UnitWithAncestors } from '../../http/types';
import { isWithin } from '../../shell/paths';
import { testIdProps } from '../../shell/testId';
import { ALLOWED_PARENTS, communityOf, isCreatedKind } from './rules';
import { UnitPicker } from './UnitPicker';
import { useOrgMutation } from './useOrgMutation';

/** Move a courtyard or building to another parent inside the same community. */
export function MoveButton({ unit }: { unit: UnitWithAncestors }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string | undefined>();
  const community = communityOf(unit);
  const allowed = isCreatedKind(unit.kind) ? ALLOWED_PARENTS[unit.kind] : [];

  // Before anything is typed, offer the community and its direct children (grids, courtyards).
  const near = useQuery({
    queryKey: orgKeys.children(community?.code ?? '', null, 200),
    queryFn: ({ signal }) => getChildren(community?.code as string, null, 200, signal),
    enabled: open && !!community,
  });
  const defaults: Unit[] = community ? [community, ...(near.data?.items ?? [])] : [];

  const filter = (u: Unit) =>
    !!community &&
    isWithin(u, community) &&
    allowed.includes(u.kind) &&
    u.code !== unit.parentCode &&
    !isWithin(u, unit);

  const mutation = useOrgMutation(
    (parentCode: string) => updateUnit(unit.code, { parentCode }),
    () => {
      message.success(t('org.moved'));
      setOpen(false);
      setTarget(undefined);
    },
  );

  return (
    <>
      <Button icon={<DragOutlined />} onClick={() => setOpen(true)} data-testid="move-unit">
        {t('org.move')}
      </Button>
      <Modal
        open={open}
        title={t('org.moveTitle', { name: unit.name })}
        onCancel={() => setOpen(false)}
        onOk={() => target && mutation.mutate(target)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ ...testIdProps('move-unit-submit'), disabled: !target }}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('org.moveHint')} style={{ marginBottom: 16 }} />
        <Form layout="vertical">
          <Form.Item label={t('org.newParent')} required>
            <UnitPicker
              value={target}
              onChange={(code) => setTarget(code)}
              filter={filter}
              defaultOptions={defaults}
              placeholder={t('org.newParentPlaceholder')}
              testId="move-unit-parent"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
