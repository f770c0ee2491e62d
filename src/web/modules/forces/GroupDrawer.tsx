import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { errorText, isStatus } from '../../http/errors';
import {
  addMember,
  dissolveGroup,
  type GroupMember,
  type GroupRole,
  removeMember,
  updateGroup,
  useGroup,
} from '../../http/forces';
import { joinList, paren } from '../../i18n/punctuation';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { fieldsOf, StandingTags, useForcesMutation } from './common';
import { PersonSelect } from './PersonSelect';

const lang = (l: string) => (l === 'en' ? 'en' : 'zh-CN');

/** A group: where and when it was set up, its members (current and past), add and remove, dissolve. */
export function GroupDrawer({ groupId, onClose }: { groupId: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'forces.manage');
  const query = useGroup(groupId);
  const g = query.data;
  const [form] = Form.useForm<{ personId: string; role: GroupRole }>();
  const roles: GroupRole[] = g?.branch ? ['secretary', 'deputy', 'member'] : ['leader', 'deputy', 'member'];
  const add = useForcesMutation(
    (v: { personId: string; role: GroupRole }) => addMember(groupId as string, v),
    () => form.resetFields(),
    { silentError: true },
  );
  const remove = useForcesMutation((personId: string) => removeMember(groupId as string, personId));
  const dissolve = useForcesMutation((id: string) => dissolveGroup(id));
  const rename = useForcesMutation((name: string) => updateGroup(groupId as string, { name }));
  const active = g && !g.dissolvedOn;

  const columns = [
    {
      title: t('forces.registry.name'),
      key: 'name',
      render: (_: unknown, m: GroupMember) => (
        <Space size={4} wrap>
          {m.name}
          <StandingTags person={m} />
        </Space>
      ),
    },
    {
      title: t('forces.groups.role'),
      dataIndex: 'role',
      width: 90,
      render: (r: GroupRole) => <Tag color={r === 'member' ? 'default' : 'red'}>{t(`forces.role.${r}`)}</Tag>,
    },
    {
      title: t('forces.registry.phone'),
      dataIndex: 'phoneMasked',
      width: 130,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('forces.groups.joinedOn'),
      key: 'dates',
      width: 190,
      render: (_: unknown, m: GroupMember) => `${m.joinedOn}${m.leftOn ? ` – ${m.leftOn}` : ''}`,
    },
    ...(manage && active
      ? [
          {
            title: '',
            key: 'actions',
            width: 70,
            render: (_: unknown, m: GroupMember) =>
              !m.leftOn && (
                <Button size="small" type="link" danger onClick={() => remove.mutate(m.personId)}>
                  {t('forces.groups.removeMember')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Drawer
      open={!!groupId}
      onClose={onClose}
      size={narrow ? '100%' : 760}
      destroyOnHidden
      data-testid="group-drawer"
      title={
        g ? (
          <Typography.Text
            editable={
              manage && active
                ? { onChange: (v) => v.trim() && v !== g.name && rename.mutate(v.trim()) }
                : false
            }
          >
            {g.name}
          </Typography.Text>
        ) : null
      }
      extra={
        g &&
        manage &&
        active && (
          <Popconfirm
            title={t('forces.groups.dissolveConfirm', { name: g.name })}
            onConfirm={() => dissolve.mutate(g.id)}
          >
            <Button danger data-testid="group-dissolve">
              {t('forces.groups.dissolve')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {query.isPending && <Skeleton active />}
      {query.isError && (
        <Result status={isStatus(query.error, 404) ? '404' : 'error'} title={errorText(query.error)} />
      )}
      {g && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'kind',
                label: t('forces.groups.kind'),
                children: <Tag color={g.party ? 'red' : 'blue'}>{g.kindLabel[lang(i18n.language)]}</Tag>,
              },
              {
                key: 'place',
                label: t('forces.groups.place'),
                children: g.facility?.name ? `${g.facility.name}${paren(g.unit.name)}` : g.unit.name,
              },
              { key: 'setUp', label: t('forces.groups.setUpOn'), children: g.setUpOn },
              {
                key: 'dissolved',
                label: t('forces.groups.dissolvedOn'),
                children: g.dissolvedOn ? <Tag>{g.dissolvedOn}</Tag> : '—',
              },
              ...(g.parent
                ? [{ key: 'parent', label: t('forces.groups.parent'), children: g.parent.name }]
                : []),
              ...(g.children.length
                ? [
                    {
                      key: 'children',
                      label: t('forces.groups.under'),
                      children: joinList(g.children.map((c) => c.name)),
                    },
                  ]
                : []),
              ...(g.notes
                ? [{ key: 'notes', label: t('forces.groups.notes'), span: 2, children: g.notes }]
                : []),
            ]}
          />
          {manage && active && (
            <Form
              form={form}
              layout={narrow ? 'vertical' : 'inline'}
              initialValues={{ role: 'member' }}
              onFinish={(v) =>
                add.mutate(v, {
                  onError: (err) => {
                    const f = fieldsOf(err, ['personId', 'role']);
                    if (f.length) form.setFields(f as never);
                    else message.error(errorText(err));
                  },
                })
              }
            >
              <Form.Item
                name="personId"
                rules={[{ required: true, message: t('common.required') }]}
                style={{ minWidth: 260 }}
              >
                <PersonSelect testId="group-member-person" />
              </Form.Item>
              <Form.Item name="role">
                <Select
                  style={{ width: 100 }}
                  data-testid="group-member-role"
                  options={roles.map((r) => ({ value: r, label: t(`forces.role.${r}`) }))}
                />
              </Form.Item>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={add.isPending}
                  data-testid="group-member-add"
                >
                  {t('forces.groups.addMember')}
                </Button>
              </Form.Item>
            </Form>
          )}
          <Table<GroupMember>
            data-testid="group-members"
            size="small"
            rowKey="id"
            pagination={false}
            columns={columns}
            dataSource={g.memberList}
            scroll={{ x: 560 }}
            rowClassName={(m) => (m.leftOn ? 'ant-table-row-disabled' : '')}
            onRow={(m) => ({ style: m.leftOn ? { opacity: 0.5 } : undefined })}
          />
        </Space>
      )}
    </Drawer>
  );
}
