import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { dutiesFor } from '../../../domain/forces/duties';
import { hasPermission, useMe } from '../../http/auth';
import { errorText, isStatus } from '../../http/errors';
import {
  assignResponsibility,
  type Duty,
  endResponsibility,
  type ResponsibilityView,
  type Responsible,
  useResponsibility,
} from '../../http/forces';
import { useUnit } from '../../http/org';
import type { UnitKind } from '../../http/types';
import { colon } from '../../i18n/punctuation';
import { CursorPager } from '../../shell/CursorPager';
import { useScope } from '../../shell/ScopeContext';
import { useCursorPages } from '../../shell/useCursorPages';
import { UnitKindTag } from '../org/UnitKindTag';
import { UnitPicker } from '../org/UnitPicker';
import { UnitTrail } from '../org/UnitTrail';
import { fieldsOf, useForcesMutation } from './common';
import { PersonSelect } from './PersonSelect';

type Child = ResponsibilityView['children'][number];
const PAGE = 50;

function AssignModal({
  unit,
  onClose,
}: {
  unit: { code: string; name: string; kind: UnitKind } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ personId: string; duty: Duty; since?: string }>();
  const duties = unit ? dutiesFor(unit.kind) : [];
  useEffect(() => {
    if (unit) {
      form.resetFields();
      form.setFieldsValue({ duty: dutiesFor(unit.kind).at(-1) });
    }
  }, [unit, form]);
  const m = useForcesMutation(
    (v: { personId: string; duty: Duty; since?: string }) =>
      assignResponsibility({
        unitCode: unit?.code as string,
        personId: v.personId,
        duty: v.duty,
        since: v.since || undefined,
      }),
    () => {
      message.success(t('forces.resp.assigned'));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open={!!unit}
      title={unit ? t('forces.resp.assignTitle', { name: unit.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'resp-assign-submit' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          m.mutate(v, {
            onError: (err) => {
              const f = fieldsOf(err, ['personId', 'duty', 'since']);
              if (f.length) form.setFields(f as never);
              else message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item
          name="personId"
          label={t('forces.resp.responsible')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <PersonSelect testId="resp-assign-person" />
        </Form.Item>
        <Form.Item
          name="duty"
          label={t('forces.resp.duty')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="resp-assign-duty"
            options={duties.map((d) => ({ value: d, label: t(`forces.duty.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="since" label={t('forces.groups.setUpOn')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResponsibleList({ list, canEnd }: { list: Responsible[]; canEnd: boolean }) {
  const { t } = useTranslation();
  const end = useForcesMutation((id: string) => endResponsibility(id));
  return (
    <Space orientation="vertical" size={2}>
      {list.map((r) => (
        <Space key={r.id} size={4} wrap data-testid={`responsible-${r.id}`}>
          <Link to={`/forces?person=${r.personId}`}>{r.name}</Link>
          <Tag bordered={false} color="geekblue">
            {t(`forces.duty.${r.duty}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.phoneMasked ?? ''} {t('forces.resp.since', { date: r.since })}
          </Typography.Text>
          {canEnd && (
            <Popconfirm
              title={t('forces.resp.endConfirm', { name: r.name })}
              onConfirm={() => end.mutate(r.id)}
            >
              <Button size="small" type="link" danger>
                {t('forces.resp.end')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ))}
    </Space>
  );
}

/** 包保责任: who answers for a unit and for each of its children; the ones nobody answers for in red. */
export function ResponsibilityPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'forces.manage');
  const { scopeCode } = useScope();
  const [params, setParams] = useSearchParams();
  const code = params.get('unit') ?? scopeCode;
  const unit = useUnit(code ?? undefined);
  const pager = useCursorPages(code);
  const view = useResponsibility(code ?? undefined, pager.after, PAGE);
  const [assigning, setAssigning] = useState<{ code: string; name: string; kind: UnitKind } | undefined>();
  const go = (c: string) => setParams({ unit: c });
  if (!code) return <Empty description={t('org.selectUnit')} />;
  if (view.isError)
    return <Result status={isStatus(view.error, 404) ? '404' : 'error'} title={errorText(view.error)} />;
  const v = view.data;
  const columns: ColumnsType<Child> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, c) => (
        <Space size={4} wrap>
          {c.childCount > 0 ? (
            <Link to={`/forces/responsibility?unit=${c.code}`} data-testid={`resp-open-${c.code}`}>
              {name}
            </Link>
          ) : (
            name
          )}
          <UnitKindTag kind={c.kind} name={c.name} />
        </Space>
      ),
    },
    {
      title: t('forces.resp.responsible'),
      key: 'responsible',
      render: (_, c) =>
        c.unanswered ? (
          <Tag color="red" data-testid={`resp-unanswered-${c.code}`}>
            {t('forces.resp.unanswered')}
          </Tag>
        ) : c.responsible.length ? (
          <ResponsibleList list={c.responsible} canEnd={manage} />
        ) : (
          <Typography.Text type="secondary">{t('forces.resp.notAnswerable')}</Typography.Text>
        ),
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'assign',
            width: 110,
            render: (_: unknown, c: Child) =>
              c.answerable && (
                <Button size="small" onClick={() => setAssigning(c)} data-testid={`resp-assign-${c.code}`}>
                  {t('forces.resp.assign')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const kinds = Object.entries(v?.below.byKind ?? {}).filter(([, n]) => n && n.unanswered > 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" loading={!v}>
        {v && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {unit.data && <UnitTrail unit={unit.data} linkTo={(c) => `/forces/responsibility?unit=${c}`} />}
            <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space wrap align="center">
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="resp-title">
                  {v.unit.name}
                </Typography.Title>
                <UnitKindTag kind={v.unit.kind} name={v.unit.name} />
              </Space>
              <div style={{ width: 240 }}>
                <UnitPicker
                  placeholder={t('forces.resp.pickUnit')}
                  allowClear={false}
                  onChange={(c) => c && go(c)}
                  testId="resp-unit-picker"
                />
              </div>
            </Space>
            <Space wrap>
              <Typography.Text strong>
                {t('forces.resp.self')}
                {colon()}
              </Typography.Text>
              {v.unit.responsible.length ? (
                <ResponsibleList list={v.unit.responsible} canEnd={manage} />
              ) : v.unit.answerable ? (
                <Tag color="red">{t('forces.resp.unanswered')}</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
              {manage && v.unit.answerable && (
                <Button size="small" onClick={() => setAssigning(v.unit)}>
                  {t('forces.resp.assign')}
                </Button>
              )}
            </Space>
            <Space wrap data-testid="resp-below">
              {kinds.length === 0 ? (
                <Typography.Text type="success">{t('forces.resp.belowNone')}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="danger">{t('forces.resp.below')}</Typography.Text>
                  {kinds.map(([k, n]) => (
                    <Tag key={k} color="red" bordered={false}>
                      {t('forces.resp.belowKind', {
                        kind: t(`kind.${k as UnitKind}`),
                        unanswered: n?.unanswered,
                        total: n?.total,
                      })}
                    </Tag>
                  ))}
                </>
              )}
            </Space>
          </Space>
        )}
      </Card>
      <Card size="small">
        <Table<Child>
          data-testid="resp-table"
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={v?.children ?? []}
          loading={view.isFetching}
          pagination={false}
          scroll={{ x: 560 }}
          onRow={(c) => ({ 'data-testid': `resp-row-${c.code}` }) as React.HTMLAttributes<HTMLElement>}
        />
        <CursorPager
          page={pager.page}
          hasPrev={pager.hasPrev}
          nextCursor={v?.next}
          onPrev={pager.prev}
          onNext={pager.next}
          testId="resp"
        />
      </Card>
      <AssignModal unit={assigning} onClose={() => setAssigning(undefined)} />
    </Space>
  );
}
