import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  QRCode,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import {
  closeCallup,
  createSignupAccount,
  decideSignup,
  type Signup,
  trainSignup,
  updateSignupKit,
  useCallup,
  useSignups,
} from '../../http/duty';
import { applyFieldErrors, errorText, isStatus } from '../../http/errors';
import { colon, joinList, paren } from '../../i18n/punctuation';
import { formatDateTime } from '../../shell/dates';
import { useCallupDates } from './callupDates';
import { patternName, shiftLabel } from './presetText';
import { useDutyMutation } from './useDutyMutation';

const STATUS_COLOUR: Record<Signup['status'], string> = {
  applied: 'gold',
  approved: 'green',
  rejected: 'default',
  withdrawn: 'default',
};

function stamp(at: string | null) {
  return at ? formatDateTime(at) : '';
}

/** A call-up: its QR code and link, places filled per station, the sign-ups with approval, training, kit. */
export function CallupDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const callup = useCallup(id);
  const signups = useSignups(id);
  const canManage = hasPermission(me, 'forces.manage');
  const dates = useCallupDates();
  const [kitFor, setKitFor] = useState<Signup | null>(null);
  const [accountFor, setAccountFor] = useState<Signup | null>(null);

  const close = useDutyMutation(() => closeCallup(id));
  const decide = useDutyMutation((v: { id: string; decision: 'approved' | 'rejected' }) =>
    decideSignup(v.id, v.decision),
  );
  const train = useDutyMutation((sid: string) => trainSignup(sid));

  if (callup.isError)
    return (
      <Card>
        <Result status={isStatus(callup.error, 404) ? '404' : 'error'} title={errorText(callup.error)} />
      </Card>
    );
  const c = callup.data;
  if (!c) return <Skeleton active />;
  const link = `${window.location.origin}/field/join/${c.token}`;
  // only approvals take places: a station they fill takes no more approvals
  const leftAt = (facilityId: string | null) => c.places.find((p) => p.facilityId === facilityId)?.left;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="callup-detail">
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate('/callups')}
              title={t('duty.callups.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="callup-title-view">
              {c.title}
            </Typography.Title>
            {c.status === 'open' ? (
              <Tag color="green">{t('duty.callups.open')}</Tag>
            ) : (
              <Tag>{t('duty.callups.closed')}</Tag>
            )}
          </Space>
        }
        extra={
          canManage &&
          c.status === 'open' && (
            <Popconfirm title={t('duty.callups.closeConfirm')} onConfirm={() => close.mutate(undefined)}>
              <Button danger>{t('duty.callups.close')}</Button>
            </Popconfirm>
          )
        }
      >
        <Row gutter={24}>
          <Col flex="auto">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('duty.callups.colUnit')}>{c.unit.name}</Descriptions.Item>
              <Descriptions.Item label={t('duty.callups.colDates')}>{dates(c)}</Descriptions.Item>
              <Descriptions.Item label={t('duty.detail.pattern')}>
                {patternName(c.pattern.name)}
                {colon()}
                {joinList(c.pattern.shifts.map((s) => `${shiftLabel(s.label)} ${s.start}–${s.end}`))}
              </Descriptions.Item>
              {c.description && (
                <Descriptions.Item label={t('duty.form.description')}>{c.description}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('duty.detail.requirements')}>
                <Space wrap>
                  {c.requirements.minAge || c.requirements.maxAge ? (
                    <span>
                      {t('duty.detail.ages', {
                        min: c.requirements.minAge ?? '',
                        max: c.requirements.maxAge ?? '',
                      })}
                    </span>
                  ) : null}
                  {(c.requirements.skills ?? []).map((s) => (
                    <Tag key={s}>{t(`duty.qualification.${s}`)}</Tag>
                  ))}
                  {c.requirements.notes}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('duty.detail.link')}>
                <Space>
                  <Typography.Link href={link} target="_blank" data-testid="callup-link">
                    {link}
                  </Typography.Link>
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() => {
                      void navigator.clipboard?.writeText(link);
                      message.success(t('duty.detail.copied'));
                    }}
                  >
                    {t('duty.detail.copy')}
                  </Button>
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Col>
          <Col flex="none" style={{ textAlign: 'center' }}>
            <QRCode
              value={link}
              size={160}
              status={c.status === 'open' ? 'active' : 'expired'}
              data-testid="callup-qr"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('duty.detail.qrHint')}
            </Typography.Text>
          </Col>
        </Row>
      </Card>

      <Card title={t('duty.detail.places')} size="small">
        <Table
          size="small"
          rowKey="facilityId"
          dataSource={c.places}
          pagination={false}
          data-testid="callup-places"
          columns={[
            { title: t('duty.form.facility'), dataIndex: 'facility' },
            {
              title: t('duty.callups.colProgress'),
              render: (_, p) => (
                <Space>
                  <Progress
                    percent={Math.round((p.approved / p.needed) * 100)}
                    success={{ percent: Math.round((p.trained / p.needed) * 100) }}
                    size="small"
                    style={{ width: 160 }}
                    showInfo={false}
                  />
                  <span data-testid={`place-progress-${p.facilityId}`}>
                    {p.approved} / {p.needed}
                  </span>
                </Space>
              ),
            },
            { title: t('duty.detail.left'), dataIndex: 'left', width: 90 },
            { title: t('duty.detail.applied'), dataIndex: 'applied', width: 90 },
            {
              title: t('duty.detail.waiting'),
              width: 90,
              render: (_, p) =>
                p.waiting ? (
                  <Tag color="orange" data-testid={`place-waiting-${p.facilityId}`}>
                    {p.waiting}
                  </Tag>
                ) : (
                  0
                ),
            },
            { title: t('duty.detail.trained'), dataIndex: 'trained', width: 90 },
          ]}
        />
      </Card>

      <Card
        title={`${t('duty.detail.signups')}${paren(String(signups.data?.items.length ?? 0))}`}
        size="small"
      >
        <Table<Signup>
          size="small"
          rowKey="id"
          loading={signups.isLoading}
          dataSource={signups.data?.items ?? []}
          pagination={false}
          data-testid="signups-table"
          onRow={(s) =>
            ({ 'data-testid': `signup-row-${s.person.name}` }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: t('duty.detail.noSignups') }}
          columns={[
            { title: t('duty.signup.name'), render: (_, s) => s.person.name },
            { title: t('duty.signup.phone'), render: (_, s) => s.person.phoneMasked },
            { title: t('duty.signup.facility'), dataIndex: 'facility' },
            {
              title: t('duty.signup.status'),
              render: (_, s) =>
                s.waitlist !== null ? (
                  <Tag color="orange" data-testid={`waitlist-${s.person.name}`}>
                    {t('duty.signup.waitlist', { n: s.waitlist })}
                  </Tag>
                ) : (
                  <Tag color={STATUS_COLOUR[s.status]}>{t(`duty.signup.${s.status}`)}</Tag>
                ),
            },
            {
              title: t('duty.signup.training'),
              render: (_, s) =>
                s.trainedAt ? (
                  <Tag color="blue">{t('duty.signup.trainedAt', { at: stamp(s.trainedAt) })}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('duty.signup.notTrained')}</Typography.Text>
                ),
            },
            {
              title: t('duty.signup.kit'),
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.badgeNo && <Tag>{s.badgeNo}</Tag>}
                  {s.gearIssuedAt && <Tag color="cyan">{t('duty.signup.gear')}</Tag>}
                  {s.meals && <Tag color="orange">{t('duty.signup.meals')}</Tag>}
                  {s.person.hasLogin && <Tag color="purple">{t('duty.signup.hasLogin')}</Tag>}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    render: (_: unknown, s: Signup) => (
                      <Space size={4} wrap>
                        {s.status === 'applied' && (
                          <>
                            <Button
                              size="small"
                              type="primary"
                              onClick={() => decide.mutate({ id: s.id, decision: 'approved' })}
                              disabled={leftAt(s.facilityId) === 0}
                              title={leftAt(s.facilityId) === 0 ? t('duty.signup.placeFull') : undefined}
                              data-testid={`approve-${s.person.name}`}
                            >
                              {t('duty.signup.approve')}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => decide.mutate({ id: s.id, decision: 'rejected' })}
                            >
                              {t('duty.signup.reject')}
                            </Button>
                          </>
                        )}
                        {s.status === 'approved' && !s.trainedAt && (
                          <Popconfirm
                            title={t('duty.signup.trainConfirm', { name: s.person.name })}
                            onConfirm={() => train.mutate(s.id)}
                          >
                            <Button size="small" type="primary" ghost data-testid={`train-${s.person.name}`}>
                              {t('duty.signup.train')}
                            </Button>
                          </Popconfirm>
                        )}
                        {s.status === 'approved' && (
                          <Button
                            size="small"
                            onClick={() => setKitFor(s)}
                            data-testid={`kit-${s.person.name}`}
                          >
                            {t('duty.signup.kit')}
                          </Button>
                        )}
                        {s.status === 'approved' && !s.person.hasLogin && (
                          <Button
                            size="small"
                            onClick={() => setAccountFor(s)}
                            data-testid={`account-${s.person.name}`}
                          >
                            {t('duty.signup.account')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {kitFor && <KitDialog signup={kitFor} onClose={() => setKitFor(null)} />}
      {accountFor && <AccountDialog signup={accountFor} onClose={() => setAccountFor(null)} />}
    </Space>
  );
}

function KitDialog({ signup, onClose }: { signup: Signup; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ badgeNo: string; gearIssued: boolean; meals: boolean }>();
  const save = useDutyMutation(
    (v: { badgeNo: string; gearIssued: boolean; meals: boolean }) => updateSignupKit(signup.id, v),
    onClose,
  );
  return (
    <Modal
      open
      title={t('duty.signup.kitTitle', { name: signup.person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'kit-save' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          badgeNo: signup.badgeNo ?? '',
          gearIssued: !!signup.gearIssuedAt,
          meals: signup.meals,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="badgeNo" label={t('duty.signup.badge')}>
          <Input maxLength={30} data-testid="kit-badge" />
        </Form.Item>
        <Form.Item name="gearIssued" valuePropName="checked">
          <Checkbox data-testid="kit-gear">{t('duty.signup.gearIssued')}</Checkbox>
        </Form.Item>
        <Form.Item name="meals" valuePropName="checked">
          <Checkbox data-testid="kit-meals">{t('duty.signup.mealsProvided')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AccountDialog({ signup, onClose }: { signup: Signup; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const save = useDutyMutation(
    (v: { username: string; password: string }) => createSignupAccount(signup.id, v),
    (res) => {
      message.success(t('duty.signup.accountCreated', { username: res.username }));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open
      title={t('duty.signup.accountTitle', { name: signup.person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('duty.signup.accountHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(v, { onError: (err) => applyFieldErrors(form, err) || message.error(errorText(err)) })
        }
      >
        <Form.Item
          name="username"
          label={t('duty.signup.username')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('duty.signup.password')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
