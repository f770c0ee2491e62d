import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { type Responsible, useResponsibility } from '../../http/forces';

/** 张三（楼栋长）、李四（网格长） */
export function ResponsibleNames({ list }: { list: readonly Responsible[] }) {
  const { t } = useTranslation();
  return (
    <>
      {list
        .map((r) => t('forces.resp.who', { name: r.name, duty: t(`forces.duty.${r.duty}`) }))
        .join(t('forces.resp.separator'))}
    </>
  );
}

/**
 * Who answers for a unit (包保), for the tree page and the ledger: "包保：张三（网格长）", or a red "无人包保" on a
 * unit of a kind somebody should answer for. Nothing for users who may not see the forces.
 */
export function ResponsibleTag({ code }: { code: string | undefined }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const may = hasPermission(me, 'forces.read');
  const query = useResponsibility(code, null, 1, may, false);
  const unit = query.data?.unit;
  if (!may || !unit || unit.code !== code) return null;
  if (unit.responsible.length === 0)
    return unit.answerable ? (
      <Tag color="red" data-testid="responsible-tag">
        {t('forces.resp.unanswered')}
      </Tag>
    ) : null;
  return (
    <Space size={4} data-testid="responsible-tag">
      <Typography.Text type="secondary">{t('forces.resp.tag')}</Typography.Text>
      <Typography.Text>
        <ResponsibleNames list={unit.responsible} />
      </Typography.Text>
    </Space>
  );
}

/** Who answers for each child of a unit (a page of children as the tree lists them), by child code. */
export function useResponsibleOfChildren(
  code: string | undefined,
  after: string | null | undefined,
  limit: number,
) {
  const { data: me } = useMe();
  const may = hasPermission(me, 'forces.read');
  const query = useResponsibility(code, after, limit, may, false);
  const map = new Map((query.data?.children ?? []).map((c) => [c.code, c]));
  return may ? map : undefined;
}

/** A cell of the tree's children table: the names, or a red flag when nobody answers for the child. */
export function ResponsibleCell({
  child,
}: {
  child: { responsible: Responsible[]; unanswered: boolean } | undefined;
}) {
  const { t } = useTranslation();
  if (!child) return null;
  if (child.unanswered)
    return (
      <Tag color="red" bordered={false}>
        {t('forces.resp.unanswered')}
      </Tag>
    );
  if (child.responsible.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return <ResponsibleNames list={child.responsible} />;
}
