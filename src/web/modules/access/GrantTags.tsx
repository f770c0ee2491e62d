import { App, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { revokeGrant } from '../../http/access';
import { hasPermission, useMe } from '../../http/auth';
import type { Grant, RoleInfo } from '../../http/types';
import { useLanguage } from '../../i18n/useLanguage';
import { roleLabel } from '../../shell/roleLabel';
import { testIdProps } from '../../shell/testId';
import { useAccessMutation } from './useAccessMutation';

/** A user's roles as tags "role · unit"; holders of user.manage close a tag to revoke the grant. */
export function GrantTags({ grants, roles }: { grants: Grant[]; roles: RoleInfo[] }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { modal, message } = App.useApp();
  const { data: me } = useMe();
  const canManage = hasPermission(me, 'user.manage');
  const revoke = useAccessMutation(
    (id: string | number) => revokeGrant(id),
    () => message.success(t('access.revoked')),
  );
  return (
    <Space size={[0, 4]} wrap>
      {grants.map((g) => {
        const role = roleLabel(
          g.role,
          lang,
          roles.find((r) => r.role === g.role),
        );
        const unit = g.unit?.name ?? '';
        return (
          <Tag
            key={String(g.id)}
            color="red"
            data-testid={`grant-${g.id}`}
            closable={canManage}
            onClose={(e) => {
              e.preventDefault();
              modal.confirm({
                title: t('access.revokeConfirm', { role, unit }),
                okType: 'danger',
                okText: t('access.revoke'),
                cancelText: t('common.cancel'),
                okButtonProps: testIdProps('revoke-grant-confirm'),
                onOk: () => revoke.mutateAsync(g.id).catch(() => undefined),
              });
            }}
          >
            {role} · {unit}
          </Tag>
        );
      })}
    </Space>
  );
}
