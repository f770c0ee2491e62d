import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkpointKeys, getPassage, type PassagePerson } from '../../http/checkpoints';
import { errorText } from '../../http/errors';
import { formatDateTime } from '../../shell/dates';

/** One passage: the vehicle, its people (masked), the steps ticked by whom, the outcome. */
export function PassageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const passage = useQuery({
    queryKey: checkpointKeys.passage(id ?? ''),
    queryFn: () => getPassage(id as string),
    enabled: !!id,
  });
  const p = passage.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={720}
      title={p?.vehicle?.plate ?? t('checkpoints.desk.passages')}
    >
      {passage.isError && <div style={{ color: '#cf1322' }}>{errorText(passage.error)}</div>}
      {!p && !passage.isError && <Skeleton active />}
      {p && (
        <div data-testid="passage-drawer">
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('checkpoints.desk.time')}>
              {formatDateTime(p.occurredAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.desk.checkpoint')}>{p.facilityName}</Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.desk.outcome')}>
              {t(`checkpoints.outcome.${p.outcome}`)} · {t(`checkpoints.direction.${p.direction}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.desk.plate')}>
              {p.vehicle
                ? `${p.vehicle.plate} · ${t(`checkpoints.vehicle.${p.vehicle.kind}`)}`
                : t('checkpoints.field.onFoot')}
            </Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.desk.steps')} span={2}>
              {(p.steps ?? []).map((s) => (
                <Tag key={s.step} color="green">
                  {t(`checkpoints.step.${s.step}`)}
                  {s.by ? ` · ${s.by}` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Table<PassagePerson>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.people}
            columns={[
              { title: t('checkpoints.field.name'), dataIndex: 'name' },
              { title: t('checkpoints.field.idNumber'), render: (_, r) => r.idNumberMasked ?? '' },
              { title: t('checkpoints.field.phone'), render: (_, r) => r.phoneMasked ?? '' },
              {
                title: t('checkpoints.field.temperature'),
                render: (_, r) =>
                  r.temperatureC != null ? (
                    <span
                      style={{
                        color: r.fever ? '#cf1322' : undefined,
                        fontWeight: r.fever ? 700 : undefined,
                      }}
                    >
                      {r.temperatureC} °C
                    </span>
                  ) : (
                    ''
                  ),
              },
              {
                title: t('checkpoints.desk.flags'),
                render: (_, r) => (
                  <>
                    {r.fromKeyArea && <Tag color="red">{t('checkpoints.desk.keyArea')}</Tag>}
                    {r.fever && <Tag color="volcano">{t('checkpoints.desk.fever')}</Tag>}
                    {r.handoverId && <Tag color="blue">{t('checkpoints.desk.handedOver')}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
