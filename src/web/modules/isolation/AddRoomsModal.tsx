import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../http/errors';
import { addRooms, type IsolationSite, isolationKeys, useSiteRooms } from '../../http/isolation';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { expandRoomNames, MAX_ROOMS } from './roomNames';

/** Adds rooms to a site: typed as ranges or lists ("101-120"), expanded here, the existing ones left out. */
export function AddRoomsModal({ site, onClose }: { site: IsolationSite; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [capacity, setCapacity] = useState<number | null>(1);
  const [error, setError] = useState<string | null>(null);
  const existing = new Set((useSiteRooms(site.id).data?.rooms ?? []).map((r) => r.name));
  const names = expandRoomNames(text);
  const fresh = names.filter((n) => !existing.has(n));
  const known = names.filter((n) => existing.has(n));
  const tooMany = fresh.length > MAX_ROOMS;
  const save = useWrite(
    isolationKeys.all,
    () => addRooms(site.id, { names: fresh, capacity: capacity ?? 1 }),
    (r) => {
      message.success(t('isolation.sites.added', { n: r.added }));
      onClose();
    },
    { silentError: true },
  );
  const sample = (list: string[]) =>
    list.length > 12 ? `${list.slice(0, 12).join('、')}…` : list.join('、');
  return (
    <Modal
      open
      title={t('isolation.sites.addTitle', { site: site.name })}
      onCancel={onClose}
      onOk={() => save.mutate(undefined, { onError: (err) => setError(errorText(err)) })}
      okButtonProps={{ ...testIdProps('rooms-submit'), disabled: fresh.length === 0 || tooMany }}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('isolation.sites.names')} extra={t('isolation.sites.namesHint')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="rooms-names"
          />
        </Form.Item>
        <Form.Item label={t('isolation.sites.capacity')}>
          <InputNumber
            min={1}
            max={20}
            value={capacity}
            onChange={setCapacity}
            data-testid="rooms-capacity"
          />
        </Form.Item>
      </Form>
      {fresh.length > 0 && (
        <Typography.Paragraph data-testid="rooms-preview">
          {t('isolation.sites.preview', { n: fresh.length, names: sample(fresh) })}
        </Typography.Paragraph>
      )}
      {known.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="rooms-known">
          {t('isolation.sites.duplicates', { names: sample(known) })}
        </Typography.Paragraph>
      )}
      {tooMany && <Alert type="warning" showIcon title={t('isolation.sites.tooMany', { max: MAX_ROOMS })} />}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
