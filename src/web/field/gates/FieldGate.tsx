import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, Form, NavBar, SearchBar, Space, Tabs, Tag, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../http/errors';
import {
  gateKeys,
  getGate,
  type HouseholdAtGate,
  householdAtGate,
  listPasses,
  postVisitor,
} from '../../modules/gates/api';
import { newClientId } from '../../modules/ledger/common/uuid';
import { formatClock } from '../../shell/dates';
import { FieldInput } from '../FieldInput';
import { fieldWrite } from '../offline/fieldQueue';
import { cachedReference } from '../offline/reference';
import { CodeScanner } from '../scan/CodeScanner';

/** The gate's phone page (/field/gates/:id): scan a pass or pick a household, out or in; visitors. */
export function FieldGate() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // kept on the phone: the gate works on without a network (offline/reference.ts)
  const gate = useQuery({
    queryKey: gateKeys.gate(id),
    queryFn: () => cachedReference(`gate.${id}`, () => getGate(id)),
    networkMode: 'always',
  });
  const passes = useQuery({
    queryKey: [...gateKeys.gate(id), 'passes'],
    queryFn: () => cachedReference(`gate.${id}.passes`, () => listPasses(id)),
    networkMode: 'always',
  });
  const [tab, setTab] = useState('scan');

  if (gate.error) return <ErrorBlock status="default" title={errorText(gate.error)} />;
  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-background)' }}>
      <NavBar onBack={() => navigate('/field')}>{gate.data?.name ?? ''}</NavBar>
      {gate.data && (
        <div style={{ padding: '4px 12px', color: 'var(--adm-color-weak)' }} data-testid="gate-rule">
          {gate.data.unit.name} ·{' '}
          {t('gates.ruleText', {
            persons: gate.data.rule.personsPerHousehold,
            days: gate.data.rule.everyDays,
          })}
        </div>
      )}
      <Tabs activeKey={tab} onChange={setTab}>
        <Tabs.Tab title={t('gates.scanTitle')} key="scan">
          <ScanPanel gateId={id} passes={passes.data?.items ?? []} />
        </Tabs.Tab>
        <Tabs.Tab title={t('gates.visitor')} key="visitor">
          <VisitorPanel gateId={id} passes={passes.data?.items ?? []} />
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}

type PassItem = { householdKey: string; building: string; door: string };

function ScanPanel({ gateId, passes }: { gateId: string; passes: PassItem[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [household, setHousehold] = useState<HouseholdAtGate | null>(null);
  const [filter, setFilter] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // one client id per resident and direction, kept across retries of the same tap (DESIGN rule 4)
  const ids = useRef(new Map<string, string>());

  const load = async (by: { token?: string; householdKey?: string }) => {
    setRefusal(null);
    try {
      // a household looked up before is kept on the phone, for a scan without a network
      const key = by.token ? `token.${by.token.toLowerCase()}` : `household.${by.householdKey}`;
      setHousehold(await cachedReference(`gate.${gateId}.${key}`, () => householdAtGate(gateId, by)));
    } catch (e) {
      setHousehold(null);
      Toast.show({ icon: 'fail', content: errorText(e) });
    }
  };

  const act = async (residentKey: string, name: string, direction: 'out' | 'in') => {
    if (!household) return;
    const key = `${residentKey}:${direction}`;
    const clientId = ids.current.get(key) ?? newClientId();
    ids.current.set(key, clientId);
    setBusy(key);
    setRefusal(null);
    try {
      // through the field's offline queue: sent now, or kept on the phone and sent when the network returns
      const r = await fieldWrite({
        clientId,
        kind: 'gate.scan',
        label: t('fieldOffline.gateScanLabel', {
          direction: t(`gates.${direction}`),
          name,
          place: `${household.building} ${household.door}`,
        }),
        url: `/api/gates/${encodeURIComponent(gateId)}/scans`,
        body: { clientId, householdKey: household.householdKey, residentKey, direction },
      });
      ids.current.delete(key);
      if (r.state === 'refused') {
        setRefusal(r.error.message);
        return;
      }
      if (r.state === 'queued') {
        Toast.show({ icon: 'success', content: t('fieldOffline.queued') });
        return;
      }
      Toast.show({
        icon: 'success',
        content: t('gates.scanDone', { name, direction: t(`gates.${direction}`) }),
      });
      void queryClient.invalidateQueries({ queryKey: gateKeys.gate(gateId) });
      await load({ householdKey: household.householdKey });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const shown = filter.trim()
    ? passes.filter((p) => `${p.building}${p.door}`.includes(filter.trim())).slice(0, 30)
    : [];
  return (
    <div style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 12 }}>
      <CodeScanner testId="gate-scanner" onCode={(token) => void load({ token })} />
      <div>
        <div style={{ marginBottom: 6, color: 'var(--adm-color-weak)' }}>{t('gates.pickHousehold')}</div>
        <SearchBar placeholder={t('gates.pickPlaceholder')} value={filter} onChange={setFilter} />
        {shown.map((p) => (
          <Button
            key={p.householdKey}
            fill="none"
            block
            style={{ textAlign: 'left' }}
            onClick={() => {
              setFilter('');
              void load({ householdKey: p.householdKey });
            }}
          >
            {p.building} {p.door}
          </Button>
        ))}
      </div>
      {refusal && (
        <Card
          style={{ background: 'var(--adm-color-danger)', color: '#fff' }}
          title={<span style={{ color: '#fff' }}>{t('gates.refusedTitle')}</span>}
        >
          <div data-testid="gate-refusal" style={{ fontSize: 18 }}>
            {refusal}
          </div>
        </Card>
      )}
      {household && (
        <Card title={`${household.building} ${household.door}`} data-testid="gate-household">
          <Space direction="vertical" block style={{ '--gap': '14px' }}>
            {household.residents.map((r) => (
              <div key={r.key} data-testid={`gate-resident-${r.name}`}>
                <div style={{ fontSize: 18, marginBottom: 6 }}>
                  {r.name} {r.exempt && <Tag color="success">{t('gates.exempt')}</Tag>}{' '}
                  {r.out && <Tag color="warning">{t('gates.isOut', { time: formatClock(r.out.at) })}</Tag>}
                </div>
                <Space block style={{ '--gap': '10px' }}>
                  <Button
                    size="large"
                    color={r.mayGoOut ? 'primary' : 'default'}
                    loading={busy === `${r.key}:out`}
                    onClick={() => void act(r.key, r.name, 'out')}
                    data-testid={`gate-out-${r.name}`}
                  >
                    {t('gates.goOut')}
                  </Button>
                  <Button
                    size="large"
                    color={r.out ? 'success' : 'default'}
                    loading={busy === `${r.key}:in`}
                    onClick={() => void act(r.key, r.name, 'in')}
                    data-testid={`gate-in-${r.name}`}
                  >
                    {t('gates.comeIn')}
                  </Button>
                </Space>
              </div>
            ))}
          </Space>
        </Card>
      )}
    </div>
  );
}

function VisitorPanel({ gateId, passes }: { gateId: string; passes: PassItem[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [filter, setFilter] = useState('');
  const [visiting, setVisiting] = useState<PassItem | null>(null);
  const [busy, setBusy] = useState(false);
  const clientId = useRef(newClientId());
  const shown = filter.trim()
    ? passes.filter((p) => `${p.building}${p.door}`.includes(filter.trim())).slice(0, 20)
    : [];

  const submit = async () => {
    const v = form.getFieldsValue() as {
      name?: string;
      idNumber?: string;
      phone?: string;
      temperature?: string;
    };
    if (!visiting || !v.name?.trim()) return;
    setBusy(true);
    try {
      await postVisitor(gateId, {
        clientId: clientId.current,
        householdKey: visiting.householdKey,
        name: v.name.trim(),
        idNumber: v.idNumber?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        temperatureC: v.temperature ? Number(v.temperature) : undefined,
      });
      Toast.show({ icon: 'success', content: t('gates.registered') });
      clientId.current = newClientId();
      form.resetFields();
      setVisiting(null);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      footer={
        <Button
          block
          color="primary"
          size="large"
          loading={busy}
          disabled={!visiting}
          onClick={() => void submit()}
          data-testid="visitor-submit"
        >
          {t('gates.register')}
        </Button>
      }
    >
      <Form.Item name="name" label={t('gates.visitorName')}>
        <FieldInput testId="visitor-name" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('gates.idNumber')}>
        <FieldInput testId="visitor-id" />
      </Form.Item>
      <Form.Item name="phone" label={t('gates.phone')}>
        <FieldInput testId="visitor-phone" type="tel" />
      </Form.Item>
      <Form.Item name="temperature" label={t('gates.temperature')}>
        <FieldInput testId="visitor-temperature" inputMode="decimal" />
      </Form.Item>
      <Form.Item label={t('gates.visiting')}>
        {visiting ? (
          <Tag color="primary" style={{ fontSize: 16 }} onClick={() => setVisiting(null)}>
            {visiting.building} {visiting.door} ✕
          </Tag>
        ) : (
          <>
            <SearchBar placeholder={t('gates.pickPlaceholder')} value={filter} onChange={setFilter} />
            {shown.map((p) => (
              <Button
                key={p.householdKey}
                fill="none"
                block
                onClick={() => {
                  setVisiting(p);
                  setFilter('');
                }}
              >
                {p.building} {p.door}
              </Button>
            ))}
          </>
        )}
      </Form.Item>
    </Form>
  );
}
