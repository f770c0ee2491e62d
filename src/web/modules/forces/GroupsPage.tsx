import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { createGroup, type GroupNode, useGroupKinds, useGroups } from '../../http/forces';
import { useFacilities } from '../../http/org';
import { colon, paren } from '../../i18n/punctuation';
import { useScope } from '../../shell/ScopeContext';
import { UnitPicker } from '../org/UnitPicker';
import { fieldsOf, useForcesMutation } from './common';
import { GroupDrawer } from './GroupDrawer';
import { GroupKindsModal } from './GroupKindsModal';

const lang = (l: string) => (l === 'en' ? 'en' : 'zh-CN');

interface NewGroup {
  kind: string;
  name: string;
  at: 'unit' | 'facility';
  unitCode?: string;
  facilityId?: string;
  parentId?: string;
  setUpOn?: string;
  notes?: string;
}

function CreateGroupModal({
  open,
  onClose,
  branches,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  branches: GroupNode[];
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { scopeCode, scopeUnit } = useScope();
  const kinds = useGroupKinds();
  const facilities = useFacilities(scopeCode);
  const [form] = Form.useForm<NewGroup>();
  const at = Form.useWatch('at', form);
  const kind = Form.useWatch('kind', form);
  const isBranch = kinds.data?.items.find((k) => k.key === kind)?.branch;
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ at: 'facility', kind: 'temporary_branch', unitCode: scopeCode });
    }
  }, [open, form, scopeCode]);
  const m = useForcesMutation(
    (v: NewGroup) =>
      createGroup({
        kind: v.kind,
        name: v.name,
        ...(v.at === 'facility' ? { facilityId: v.facilityId } : { unitCode: v.unitCode }),
        parentId: v.parentId || null,
        setUpOn: v.setUpOn || undefined,
        notes: v.notes || undefined,
      }),
    (g) => {
      message.success(t('forces.groups.created', { name: g.name }));
      onClose();
      onCreated(g.id);
    },
    { silentError: true },
  );
  return (
    <Modal
      open={open}
      title={t('forces.groups.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'group-create-submit' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          m.mutate(v, {
            onError: (err) => {
              const f = fieldsOf(err, ['kind', 'name', 'unitCode', 'facilityId', 'parentId', 'setUpOn']);
              if (f.length) form.setFields(f as never);
              else message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item name="kind" label={t('forces.groups.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="group-create-kind"
            options={(kinds.data?.items ?? []).map((k) => ({
              value: k.key,
              label: k.label[lang(i18n.language)],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('forces.groups.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={60} data-testid="group-create-name" />
        </Form.Item>
        <Form.Item name="at" label={t('forces.groups.place')}>
          <Radio.Group
            options={[
              { value: 'facility', label: t('forces.groups.atFacility') },
              { value: 'unit', label: t('forces.groups.atUnit') },
            ]}
          />
        </Form.Item>
        {at === 'facility' ? (
          <Form.Item
            name="facilityId"
            label={t('forces.groups.facility')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="group-create-facility"
              showSearch={{ optionFilterProp: 'label' }}
              options={(facilities.data ?? []).map((f) => ({
                value: String(f.id),
                label: `${f.name}${paren(f.unitName)}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitCode"
            label={t('forces.groups.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker defaultOptions={scopeUnit ? [scopeUnit] : []} testId="group-create-unit" />
          </Form.Item>
        )}
        {!isBranch && branches.length > 0 && (
          <Form.Item name="parentId" label={t('forces.groups.parent')}>
            <Select
              allowClear
              placeholder={t('forces.groups.parentNone')}
              options={branches.map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="setUpOn" label={t('forces.groups.setUpOn')}>
          <Input type="date" data-testid="group-create-date" />
        </Form.Item>
        <Form.Item name="notes" label={t('forces.groups.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GroupCard({ g, onOpen }: { g: GroupNode; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const head = g.leaders.find((l) => l.role === 'secretary' || l.role === 'leader');
  return (
    <Card
      size="small"
      hoverable
      data-testid={`group-card-${g.id}`}
      onClick={() => onOpen(g.id)}
      title={
        <Space size={4} wrap>
          <Tag color={g.party ? 'red' : 'blue'}>{g.kindLabel[lang(i18n.language)]}</Tag>
          <span>{g.name}</span>
          {g.dissolvedOn && <Tag>{t('forces.groups.dissolved')}</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {g.facility?.name ?? g.unit.name} · {t('forces.groups.setUpOn')} {g.setUpOn}
        </Typography.Text>
        <span>
          {g.branch ? t('forces.groups.secretary') : t('forces.groups.leader')}
          {colon()}
          <b data-testid={`group-head-${g.id}`}>{head?.name ?? t('forces.groups.noLeader')}</b>
          {' · '}
          <span data-testid={`group-members-${g.id}`}>
            {t('forces.groups.members', { count: g.members })}
          </span>
        </span>
        {g.children.length > 0 && (
          <div style={{ borderTop: '1px dashed #eee', paddingTop: 6 }}>
            <Typography.Text type="secondary">
              {t('forces.groups.under')}
              {colon()}
            </Typography.Text>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              {g.children.map((c) => (
                <Link
                  key={c.id}
                  to={{ search: `?group=${c.id}` }}
                  data-testid={`group-child-${c.id}`}
                  onClick={(e) => e.stopPropagation()}
                >
                  <Tag color={c.party ? 'red' : 'blue'} bordered={false}>
                    {c.kindLabel[lang(i18n.language)]}
                  </Tag>
                  {c.name} · {t('forces.groups.members', { count: c.members })}
                </Link>
              ))}
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}

/** 组织架构: temporary branches with the teams under them, and the groups on their own, in the scope. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { scopeCode, scopeUnit } = useScope();
  const [params, setParams] = useSearchParams();
  const [dissolved, setDissolved] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editingKinds, setEditingKinds] = useState(false);
  const query = useGroups(scopeCode, dissolved);
  // the kinds are the deployment's: changed by whoever manages forces at the top of the tree
  const topManager =
    hasPermission(me, 'forces.manage') &&
    !!me?.grants.some((g) => g.unit?.path && !g.unit.path.includes('.'));
  const items = query.data?.items ?? [];
  const open = (id: string | undefined) =>
    setParams((p) => {
      if (id) p.set('group', id);
      else p.delete('group');
      return p;
    });
  const sorted = [...items].sort((a, b) => Number(b.branch) - Number(a.branch));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('forces.groups.title')}
          {scopeUnit && <Typography.Text type="secondary">· {scopeUnit.name}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          <Space size={4}>
            <Switch size="small" checked={dissolved} onChange={setDissolved} />
            <Typography.Text type="secondary">{t('forces.groups.showDissolved')}</Typography.Text>
          </Space>
          {topManager && (
            <Button onClick={() => setEditingKinds(true)} data-testid="group-kinds">
              {t('forces.kinds.button')}
            </Button>
          )}
          {hasPermission(me, 'forces.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="group-create"
            >
              {t('forces.groups.create')}
            </Button>
          )}
        </Space>
      }
      loading={query.isPending && !!scopeCode}
    >
      {query.isError && <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>}
      {items.length === 0 && !query.isPending ? (
        <Empty description={t('forces.groups.empty')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="group-chart">
          {sorted.map((g) => (
            <Col key={g.id} xs={24} md={12} xl={8}>
              <GroupCard g={g} onOpen={open} />
            </Col>
          ))}
        </Row>
      )}
      <CreateGroupModal
        open={creating}
        onClose={() => setCreating(false)}
        branches={items.filter((g) => g.branch && !g.dissolvedOn)}
        onCreated={open}
      />
      <GroupDrawer groupId={params.get('group') ?? undefined} onClose={() => open(undefined)} />
      <GroupKindsModal open={editingKinds} onClose={() => setEditingKinds(false)} />
    </Card>
  );
}
