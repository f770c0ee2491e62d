import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { errorText, isStatus } from '../../http/errors';
import {
  addRecord,
  addTraining,
  decideRecord,
  leavePerson,
  linkResident,
  type PersonDetail,
  type RecordKind,
  revealPerson,
  usePerson,
} from '../../http/forces';
import { RevealValue } from '../../shell/RevealValue';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { SkillTags, StandingTags, useForcesMutation } from './common';
import { PersonFormDrawer } from './PersonFormDrawer';
import { PersonLogin } from './PersonLogin';

const RECORD_KINDS: RecordKind[] = ['party_application', 'commendation', 'outstanding', 'underperforming'];
const STATUS_COLOUR = { proposed: 'gold', approved: 'green', rejected: 'default' } as const;

function Availability({ p }: { p: PersonDetail }) {
  const { t } = useTranslation();
  const wd = t('forces.form.weekday', { returnObjects: true }) as Record<string, string>;
  const parts = [
    ...(p.availability.weekdays ?? []).map((d) => wd[String(d)]),
    ...(p.availability.parts ?? []).map((x) => t(`forces.form.${x}`)),
  ];
  return <>{parts.length ? parts.join(' ') : t('forces.person.anyTime')}</>;
}

function RecordModal({ personId, open, onClose }: { personId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: RecordKind; title: string; onDate?: string; tasks?: string }>();
  const m = useForcesMutation(
    (v: { kind: RecordKind; title: string; onDate?: string; tasks?: string }) =>
      addRecord(personId, {
        kind: v.kind,
        title: v.title,
        onDate: v.onDate || undefined,
        tasks: v.tasks?.split('\n').filter((x) => x.trim()),
      }),
    () => {
      form.resetFields();
      onClose();
    },
  );
  return (
    <Modal
      open={open}
      title={t('forces.person.addRecord')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => m.mutate(v)}
        initialValues={{ kind: 'party_application' }}
      >
        <Form.Item name="kind" label={t('forces.person.recordKind')}>
          <Select options={RECORD_KINDS.map((k) => ({ value: k, label: t(`forces.recordKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('forces.person.recordTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="onDate" label={t('forces.person.passedOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="tasks" label={t('forces.person.recordTasks')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TrainingModal({
  personId,
  open,
  onClose,
}: {
  personId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ training: string; passedOn?: string }>();
  const m = useForcesMutation(
    (v: { training: string; passedOn?: string }) =>
      addTraining(personId, { training: v.training, passedOn: v.passedOn || undefined }),
    () => {
      form.resetFields();
      onClose();
    },
  );
  return (
    <Modal
      open={open}
      title={t('forces.person.addTraining')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="training"
          label={t('forces.person.training')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="passedOn" label={t('forces.person.passedOn')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A person: details (phone and ID masked, revealable), trainings, records, groups, 包保 and duty hours. */
export function PersonDrawer({ personId, onClose }: { personId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'forces.manage');
  const query = usePerson(personId);
  const [editing, setEditing] = useState(false);
  const [recordOpen, setRecordOpen] = useState(false);
  const [trainingOpen, setTrainingOpen] = useState(false);
  const leave = useForcesMutation((id: string) => leavePerson(id));
  const link = useForcesMutation(
    (id: string) => linkResident(id),
    (r) =>
      r.residentKey ? message.success(t('forces.person.linked')) : message.info(t('forces.person.notLinked')),
  );
  const decide = useForcesMutation((v: { recordId: string; decision: 'approved' | 'rejected' }) =>
    decideRecord(personId as string, v.recordId, v.decision),
  );
  const p = query.data;
  return (
    <Drawer
      open={!!personId}
      onClose={onClose}
      size={narrow ? '100%' : 720}
      destroyOnHidden
      title={p ? p.name : t('forces.person.title')}
      data-testid="person-drawer"
      extra={
        p &&
        manage &&
        p.status === 'active' && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="person-edit">
              {t('forces.person.edit')}
            </Button>
            <Popconfirm
              title={t('forces.person.leaveConfirm', { name: p.name })}
              onConfirm={() => leave.mutate(p.id)}
            >
              <Button danger data-testid="person-leave">
                {t('forces.person.leave')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {query.isPending && <Skeleton active />}
      {query.isError && (
        <Result status={isStatus(query.error, 404) ? '404' : 'error'} title={errorText(query.error)} />
      )}
      {p && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            bordered
            items={[
              {
                key: 'standing',
                label: t('forces.form.standing'),
                children: (
                  <Space>
                    <StandingTags person={p} />
                    {p.status === 'left' && <Tag>{t('forces.person.left')}</Tag>}
                  </Space>
                ),
              },
              { key: 'unit', label: t('forces.form.unit'), children: p.unit.name },
              {
                key: 'phone',
                label: t('forces.form.phone'),
                children: (
                  <RevealValue
                    masked={p.phoneMasked}
                    reveal={() => revealPerson(p.id, 'phone')}
                    testId="person-phone"
                  />
                ),
              },
              {
                key: 'id',
                label: t('forces.person.idNumber'),
                children: (
                  <RevealValue
                    masked={p.idMasked}
                    reveal={() => revealPerson(p.id, 'idNumber')}
                    testId="person-idNumber"
                  />
                ),
              },
              { key: 'sex', label: t('forces.form.sex'), children: p.sex ? t(`forces.sex.${p.sex}`) : '—' },
              {
                key: 'birth',
                label: t('forces.person.birthDate'),
                children:
                  p.birthDate ?? (p.birthYear ? t('forces.person.bornIn', { year: p.birthYear }) : '—'),
              },
              ...(p.isCadre
                ? [
                    { key: 'home', label: t('forces.form.homeWorkUnit'), children: p.homeWorkUnit ?? '—' },
                    { key: 'down', label: t('forces.person.sentDownOn'), children: p.sentDownOn ?? '—' },
                  ]
                : []),
              ...(p.isPartyMember
                ? [
                    { key: 'branch', label: t('forces.form.partyBranch'), children: p.partyBranch ?? '—' },
                    { key: 'reported', label: t('forces.person.reportedOn'), children: p.reportedOn ?? '—' },
                  ]
                : []),
              { key: 'skills', label: t('forces.form.skills'), children: <SkillTags skills={p.skills} /> },
              { key: 'avail', label: t('forces.person.availability'), children: <Availability p={p} /> },
              {
                key: 'resident',
                label: t('forces.person.resident'),
                children: p.residentKey ? (
                  <Link to={`/ledger?household=${encodeURIComponent(p.residentKey)}`}>{p.residentKey}</Link>
                ) : manage && p.idMasked ? (
                  <Button size="small" loading={link.isPending} onClick={() => link.mutate(p.id)}>
                    {t('forces.person.linkResident')}
                  </Button>
                ) : (
                  '—'
                ),
              },
              {
                key: 'login',
                label: t('forces.person.login'),
                children: <PersonLogin person={p} manage={manage} />,
              },
              {
                key: 'duty',
                label: t('forces.person.dutyHours'),
                span: 2,
                children: <span data-testid="person-duty">{t('forces.person.dutyStats', p.duty)}</span>,
              },
              ...(p.notes
                ? [{ key: 'notes', label: t('forces.form.notes'), span: 2, children: p.notes }]
                : []),
            ]}
          />

          <section>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('forces.person.responsibilities')}
              </Typography.Title>
            </Space>
            {p.responsibilities.length === 0 ? (
              <Typography.Text type="secondary">{t('forces.person.none')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.responsibilities}
                renderItem={(r) => (
                  <List.Item>
                    <Space wrap>
                      <Link to={`/forces/responsibility?unit=${r.unit.code}`}>{r.unit.name}</Link>
                      <Tag color={r.until ? 'default' : 'red'}>{t(`forces.duty.${r.duty}`)}</Tag>
                      <Typography.Text type="secondary">
                        {t('forces.resp.since', { date: r.since })}
                        {r.until ? ` ${t('forces.person.until', { date: r.until })}` : ''}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </section>

          <section>
            <Typography.Title level={5}>{t('forces.person.groups')}</Typography.Title>
            {p.groups.length === 0 ? (
              <Typography.Text type="secondary">{t('forces.person.none')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.groups}
                renderItem={(g) => (
                  <List.Item>
                    <Space wrap>
                      <Link to={`/forces/groups?group=${g.groupId}`}>{g.name}</Link>
                      <Tag>{t(`forces.role.${g.role}`)}</Tag>
                      <Typography.Text type="secondary">
                        {g.joinedOn}
                        {g.leftOn ? ` – ${g.leftOn}` : ''}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </section>

          <section>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('forces.person.trainings')}
              </Typography.Title>
              {manage && p.status === 'active' && (
                <Button size="small" onClick={() => setTrainingOpen(true)}>
                  {t('forces.person.addTraining')}
                </Button>
              )}
            </Space>
            {p.trainings.length === 0 ? (
              <Typography.Text type="secondary">{t('forces.person.none')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.trainings}
                renderItem={(x) => (
                  <List.Item>
                    {x.training} <Typography.Text type="secondary">{x.passedOn}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </section>

          <section>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('forces.person.records')}
              </Typography.Title>
              {manage && (
                <Button size="small" onClick={() => setRecordOpen(true)} data-testid="person-add-record">
                  {t('forces.person.addRecord')}
                </Button>
              )}
            </Space>
            {p.records.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('forces.person.none')} />
            ) : (
              <List
                size="small"
                dataSource={p.records}
                renderItem={(r) => (
                  <List.Item
                    actions={
                      manage && r.status === 'proposed'
                        ? [
                            <Button
                              key="a"
                              size="small"
                              type="link"
                              onClick={() => decide.mutate({ recordId: r.id, decision: 'approved' })}
                            >
                              {t('forces.person.approve')}
                            </Button>,
                            <Button
                              key="r"
                              size="small"
                              type="link"
                              danger
                              onClick={() => decide.mutate({ recordId: r.id, decision: 'rejected' })}
                            >
                              {t('forces.person.reject')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <Tag color="volcano">{t(`forces.recordKind.${r.kind}`)}</Tag>
                          {r.title}
                          <Tag color={STATUS_COLOUR[r.status]}>{t(`forces.recordStatus.${r.status}`)}</Tag>
                        </Space>
                      }
                      description={
                        <Space orientation="vertical" size={0}>
                          <span>
                            {r.onDate}
                            {r.createdBy ? ` · ${r.createdBy}` : ''}
                            {r.decidedBy ? ` · ${r.decidedBy}` : ''}
                          </span>
                          {r.evidence.duty && <span>{t('forces.person.evidence', r.evidence.duty)}</span>}
                          {r.evidence.tasks?.map((task) => (
                            <span key={task}>· {task}</span>
                          ))}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </section>
          <PersonFormDrawer open={editing} person={p} onClose={() => setEditing(false)} />
          <RecordModal personId={p.id} open={recordOpen} onClose={() => setRecordOpen(false)} />
          <TrainingModal personId={p.id} open={trainingOpen} onClose={() => setTrainingOpen(false)} />
        </Space>
      )}
    </Drawer>
  );
}
