import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  QRCode,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { formatClock } from '../../shell/dates';
import { useScope } from '../../shell/ScopeContext';
import {
  addExemption,
  createGate,
  dayScans,
  dayVisitors,
  gateKeys,
  getGate,
  issuePasses,
  listGates,
  listPasses,
  type OutPerson,
  revealPhone,
  setRule,
  whoIsOut,
} from './api';

/** 小区门岗 (desk): the gates in scope; a gate's rule, passes (issue, print), the day's scans, who is still out, visitors. */
export default function GatesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { scopeCode } = useScope();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'gate.manage');
  const gates = useQuery({ queryKey: [...gateKeys.all, scopeCode], queryFn: () => listGates(scopeCode) });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();

  if (id) return <GateDetail id={id} manage={manage} />;
  return (
    <Card title={t('gates.title')}>
      {(gates.data?.items ?? []).length === 0 ? (
        <Empty description={t('gates.empty')} />
      ) : (
        <Table
          rowKey="id"
          pagination={false}
          dataSource={gates.data?.items ?? []}
          columns={[
            { title: t('gates.name'), dataIndex: 'name' },
            { title: t('gates.unitCode'), render: (_, g) => g.unit.name },
            {
              title: t('gates.rule'),
              render: (_, g) =>
                t('gates.ruleText', { persons: g.rule.personsPerHousehold, days: g.rule.everyDays }),
            },
            {
              title: '',
              render: (_, g) => (
                <Button
                  type="link"
                  onClick={() => navigate(`/gates/${g.id}`)}
                  data-testid={`gate-open-${g.id}`}
                >
                  {t('gates.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {manage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16 }}
          onFinish={async (v: { unitCode: string; name: string }) => {
            try {
              const g = await createGate(v);
              await queryClient.invalidateQueries({ queryKey: gateKeys.all });
              navigate(`/gates/${g.id}`);
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          <Form.Item name="unitCode" rules={[{ required: true }]} initialValue={scopeCode}>
            <Input placeholder={t('gates.unitCode')} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('gates.name')} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('gates.newGate')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function GateDetail({ id, manage }: { id: string; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const gate = useQuery({ queryKey: gateKeys.gate(id), queryFn: () => getGate(id) });
  const passes = useQuery({ queryKey: [...gateKeys.gate(id), 'passes'], queryFn: () => listPasses(id) });
  const scans = useQuery({
    queryKey: [...gateKeys.gate(id), 'scans'],
    queryFn: () => dayScans(id),
    refetchInterval: 15_000,
  });
  const out = useQuery({
    queryKey: [...gateKeys.gate(id), 'out'],
    queryFn: () => whoIsOut(id),
    refetchInterval: 15_000,
  });
  const visitors = useQuery({ queryKey: [...gateKeys.gate(id), 'visitors'], queryFn: () => dayVisitors(id) });
  const [building, setBuilding] = useState<string | undefined>();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [exemptKey, setExemptKey] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: gateKeys.gate(id) });

  if (gate.error) return <Empty description={errorText(gate.error)} />;
  const g = gate.data;
  if (!g) return null;
  const c = g.counts;
  return (
    <Card
      title={`${g.name} · ${g.unit.name}`}
      extra={
        <a href={`/field/gates/${id}`} target="_blank" rel="noreferrer">
          {t('gates.fieldPage')}
        </a>
      }
    >
      <Typography.Paragraph data-testid="gate-counts">{t('gates.counts', { ...c })}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'out',
            label: t('gates.stillOutCount', { count: out.data?.total ?? 0 }),
            children: (
              <div data-testid="gate-still-out">
                {(out.data?.buildings ?? []).map((b) => (
                  <Card key={b.building} size="small" title={b.building} style={{ marginBottom: 12 }}>
                    <Table<OutPerson>
                      rowKey="residentKey"
                      size="small"
                      pagination={false}
                      dataSource={b.people}
                      columns={[
                        { title: t('gates.door'), dataIndex: 'door' },
                        { title: t('gates.name2'), dataIndex: 'name' },
                        {
                          title: t('gates.phone'),
                          render: (_, p) =>
                            revealed[p.residentKey] ?? (
                              <Space>
                                {p.phoneMasked}
                                {p.phoneMasked && (
                                  <Button
                                    size="small"
                                    type="link"
                                    onClick={async () => {
                                      try {
                                        const v = await revealPhone(p.residentKey);
                                        setRevealed((r) => ({ ...r, [p.residentKey]: v.value ?? '' }));
                                      } catch (e) {
                                        message.error(errorText(e));
                                      }
                                    }}
                                  >
                                    {t('gates.reveal')}
                                  </Button>
                                )}
                              </Space>
                            ),
                        },
                        { title: t('gates.workUnit'), dataIndex: 'workUnit' },
                        { title: t('gates.outAt'), render: (_, p) => formatClock(p.outAt) },
                      ]}
                    />
                  </Card>
                ))}
              </div>
            ),
          },
          {
            key: 'scans',
            label: t('gates.scans'),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={scans.data?.items ?? []}
                columns={[
                  { title: t('gates.time'), render: (_, s) => formatClock(s.at) },
                  { title: t('gates.building'), render: (_, s) => `${s.building ?? ''} ${s.door ?? ''}` },
                  { title: t('gates.name2'), dataIndex: 'name' },
                  { title: t('gates.direction'), render: (_, s) => t(`gates.${s.direction}`) },
                  {
                    title: t('gates.reason'),
                    render: (_, s) =>
                      s.outcome === 'refused' ? (
                        <Tag color="red">{s.reason}</Tag>
                      ) : (
                        <Tag color="green">{t('gates.allowed')}</Tag>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'visitors',
            label: t('gates.visitors'),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={visitors.data?.items ?? []}
                columns={[
                  { title: t('gates.time'), render: (_, v) => formatClock(v.at) },
                  { title: t('gates.name2'), dataIndex: 'name' },
                  { title: t('gates.idNumber'), dataIndex: 'idMasked' },
                  { title: t('gates.phone'), dataIndex: 'phoneMasked' },
                  { title: t('gates.temperature'), dataIndex: 'temperatureC' },
                  { title: t('gates.visiting'), render: (_, v) => `${v.building} ${v.door}` },
                ]}
              />
            ),
          },
          {
            key: 'passes',
            label: t('gates.passes'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {manage && (
                    <Button
                      type="primary"
                      onClick={async () => {
                        try {
                          const r = await issuePasses(id);
                          message.success(t('gates.issued', r));
                          await refresh();
                        } catch (e) {
                          message.error(errorText(e));
                        }
                      }}
                    >
                      {t('gates.issuePasses')}
                    </Button>
                  )}
                  <Select
                    style={{ minWidth: 160 }}
                    placeholder={t('gates.building')}
                    value={building}
                    onChange={setBuilding}
                    options={(passes.data?.buildings ?? []).map((b) => ({ value: b, label: b }))}
                  />
                  <Button disabled={!building} onClick={() => window.print()}>
                    {t('gates.printSheet')}
                  </Button>
                </Space>
                <PassSheet
                  gateName={g.name}
                  unitName={g.unit.name}
                  passes={(passes.data?.items ?? []).filter((p) => !building || p.building === building)}
                />
              </Space>
            ),
          },
          {
            key: 'rule',
            label: t('gates.rule'),
            children: (
              <Space direction="vertical">
                <Form
                  layout="inline"
                  initialValues={g.rule}
                  disabled={!manage}
                  onFinish={async (v: { personsPerHousehold: number; everyDays: number }) => {
                    try {
                      await setRule(id, v);
                      message.success(t('gates.saved'));
                      await refresh();
                    } catch (e) {
                      message.error(errorText(e));
                    }
                  }}
                >
                  <Form.Item name="personsPerHousehold" label={t('gates.personsPerHousehold')}>
                    <InputNumber min={1} max={20} />
                  </Form.Item>
                  <Form.Item name="everyDays" label={t('gates.everyDays')}>
                    <InputNumber min={1} max={30} />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('gates.saveRule')}
                  </Button>
                </Form>
                <Typography.Title level={5}>{t('gates.exemptions')}</Typography.Title>
                {g.exemptions.map((e) => (
                  <Tag key={e.id} color="green">
                    {e.name}
                  </Tag>
                ))}
                {manage && (
                  <Space>
                    <Input
                      placeholder={t('gates.residentKey')}
                      value={exemptKey}
                      onChange={(e) => setExemptKey(e.target.value)}
                    />
                    <Button
                      onClick={async () => {
                        try {
                          await addExemption(id, exemptKey.trim());
                          setExemptKey('');
                          await refresh();
                        } catch (e) {
                          message.error(errorText(e));
                        }
                      }}
                    >
                      {t('gates.addExemption')}
                    </Button>
                  </Space>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The printable pass sheet: A4, one card per household with its QR code, building and door. */
function PassSheet({
  gateName,
  unitName,
  passes,
}: {
  gateName: string;
  unitName: string;
  passes: { id: string; building: string; door: string; token: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div
      className="gate-pass-sheet"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 62mm)', gap: '4mm' }}
    >
      <style>{`@media print { @page { size: A4; margin: 10mm } body * { visibility: hidden } .gate-pass-sheet, .gate-pass-sheet * { visibility: visible } .gate-pass-sheet { position: absolute; left: 0; top: 0 } .gate-pass-card { break-inside: avoid } }`}</style>
      {passes.slice(0, 600).map((p) => (
        <div
          key={p.id}
          className="gate-pass-card"
          style={{ border: '1px solid #999', borderRadius: 6, padding: '3mm', textAlign: 'center' }}
        >
          <div style={{ fontWeight: 600 }}>
            {unitName} {t('gates.passTitle')}
          </div>
          <div style={{ display: 'flex', justifyContent: 'center' }}>
            <QRCode value={p.token} size={120} type="svg" bordered={false} />
          </div>
          <div style={{ fontSize: 16 }}>
            {p.building} {p.door}
          </div>
          <div style={{ fontSize: 11, color: '#555' }}>
            {gateName} · {t('gates.passNo')} {p.token}
          </div>
        </div>
      ))}
    </div>
  );
}
