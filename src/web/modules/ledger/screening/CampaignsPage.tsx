import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../../http/auth';
import { applyFieldErrors, errorText } from '../../../http/errors';
import {
  type Campaign,
  closeCampaign,
  createCampaign,
  useCampaigns,
  useLedgerDay,
} from '../../../http/ledger';
import { useScope } from '../../../shell/ScopeContext';
import { testIdProps } from '../../../shell/testId';
import { UnitPicker } from '../../org/UnitPicker';
import { withinText } from '../common/labels';
import { useLedgerLive } from '../common/useLedgerLive';
import { useLedgerMutation } from '../useLedgerMutation';
import { CampaignProgressCard } from './CampaignProgressCard';

interface Values {
  unitCode: string;
  name: string;
  startsOn: string;
  endsOn?: string;
}

function StartCampaign({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scopeUnit } = useScope();
  const day = useLedgerDay();
  const [form] = Form.useForm<Values>();
  const today = day.data?.today;
  useEffect(() => {
    if (!today) return;
    const v = form.getFieldsValue();
    form.setFieldsValue({
      startsOn: v.startsOn || today,
      name: v.name || t('screening.defaultName', { date: today }),
    });
  }, [today, form, t]);
  useEffect(() => {
    if (scopeUnit && !form.getFieldValue('unitCode')) form.setFieldsValue({ unitCode: scopeUnit.code });
  }, [scopeUnit, form]);
  const mutation = useLedgerMutation(
    (v: Values) =>
      createCampaign({
        unitCode: v.unitCode,
        name: v.name.trim(),
        startsOn: v.startsOn,
        endsOn: v.endsOn || undefined,
      }),
    (res) => {
      message.success(t('screening.started', { n: res.households }));
      onStarted(res.id);
    },
    { silentError: true },
  );
  return (
    <Card size="small" title={t('screening.start')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          mutation.mutate(v, {
            onError: (err) => {
              if (!applyFieldErrors(form, err)) message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item
          name="unitCode"
          label={t('screening.unit')}
          extra={t('screening.unitHint')}
          rules={[{ required: true, message: t('screening.unitRequired') }]}
        >
          <UnitPicker
            testId="campaign-unit"
            placeholder={t('access.unitPlaceholder')}
            defaultOptions={scopeUnit ? [scopeUnit] : []}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('screening.name')}
          rules={[{ required: true, whitespace: true, message: t('screening.nameRequired') }, { max: 60 }]}
        >
          <Input maxLength={60} data-testid="campaign-name" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('screening.startsOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="campaign-starts-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsOn" label={t('screening.endsOn')}>
              <Input type="date" data-testid="campaign-ends-on" />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          block
          {...testIdProps('campaign-submit')}
        >
          {t('screening.start')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 入户排查 (desk): list campaigns and follow their progress (whoever reads the ledger: the command too);
 * start a campaign on a unit and close it (screening.manage).
 */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = hasPermission(me, 'screening.manage');
  const [search, setSearch] = useSearchParams();
  const campaigns = useCampaigns();
  useLedgerLive();
  const items = campaigns.data?.items ?? [];
  const selected = search.get('campaign') ?? items.find((c) => c.status === 'open')?.id ?? items[0]?.id;
  const unit = search.get('unit') ?? undefined;
  const choose = (campaign: string | undefined, unitCode?: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (campaign) next.set('campaign', campaign);
      else next.delete('campaign');
      if (unitCode) next.set('unit', unitCode);
      else next.delete('unit');
      return next;
    });
  const close = useLedgerMutation(
    (id: string) => closeCampaign(id),
    () => undefined,
  );

  const columns: ColumnsType<Campaign> = [
    {
      title: t('screening.name'),
      key: 'name',
      render: (_, c) => (
        <Typography.Link
          onClick={() => choose(c.id)}
          data-testid={`campaign-open-${c.id}`}
          strong={c.id === selected}
        >
          {c.name}
        </Typography.Link>
      ),
    },
    {
      title: t('screening.unit'),
      key: 'unit',
      width: 200,
      render: (_, c) => [withinText(c), c.unit?.name].filter(Boolean).join(' '),
    },
    {
      title: t('screening.dates'),
      key: 'dates',
      width: 180,
      render: (_, c) => (c.endsOn ? `${c.startsOn} – ${c.endsOn}` : `${c.startsOn} –`),
    },
    {
      title: t('screening.state'),
      key: 'status',
      width: 90,
      render: (_, c) =>
        c.status === 'open' ? (
          <Tag color="processing">{t('screening.open')}</Tag>
        ) : (
          <Tag>{t('screening.closed')}</Tag>
        ),
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) =>
        c.status === 'open' && (
          <Popconfirm
            title={t('screening.closeConfirm', { name: c.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => close.mutateAsync(c.id)}
            okButtonProps={testIdProps(`campaign-close-confirm-${c.id}`)}
          >
            <Button size="small" danger data-testid={`campaign-close-${c.id}`}>
              {t('screening.close')}
            </Button>
          </Popconfirm>
        ),
    });

  return (
    <Row gutter={[16, 16]}>
      {canManage && (
        <Col xs={24} lg={8}>
          <StartCampaign onStarted={(id) => choose(id)} />
        </Col>
      )}
      <Col xs={24} lg={canManage ? 16 : 24}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('screening.list')}>
            <Table<Campaign>
              data-testid="campaigns-table"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={items}
              loading={campaigns.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: campaigns.isError ? errorText(campaigns.error) : t('screening.none') }}
              scroll={{ x: 640 }}
            />
          </Card>
          {selected && <CampaignProgressCard id={selected} unit={unit} onUnit={(u) => choose(selected, u)} />}
        </Space>
      </Col>
    </Row>
  );
}
