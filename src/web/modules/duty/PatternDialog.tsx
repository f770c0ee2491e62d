import { Alert, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALIFICATIONS } from '../../../domain/forces/qualifications';
import type { ShiftNeed } from '../../../domain/forces/schedule';
import { putPattern, type ShiftPattern, usePresets } from '../../http/duty';
import { errorText } from '../../http/errors';
import { joinList } from '../../i18n/punctuation';
import { shiftLabel } from './presetText';
import { useDutyMutation } from './useDutyMutation';

/**
 * A facility's shift pattern: a preset (两班, 三班倒, 四班运转) with the places each shift needs — the same
 * for every shift (a city-entrance station: police, medical, transport and a sent-down cadre).
 */
export function PatternDialog({
  facility,
  current,
  onClose,
}: {
  facility: { id: string; name: string };
  current: ShiftPattern | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const presets = usePresets();
  const [presetKey, setPresetKey] = useState<string | undefined>(current ? undefined : 'three_shifts');
  const [needs, setNeeds] = useState<ShiftNeed[]>(
    current?.shifts[0]?.needs ?? [
      { qualification: 'police', count: 1 },
      { qualification: 'medical', count: 1 },
      { qualification: 'transport', count: 1 },
      { qualification: 'cadre', count: 1 },
    ],
  );
  const [error, setError] = useState<string | null>(null);
  const preset = presets.data?.items.find((p) => p.key === presetKey);
  const base = preset?.pattern ?? current;
  const save = useDutyMutation((p: ShiftPattern) => putPattern(facility.id, p), onClose, {
    silentError: true,
  });
  const counts = new Map(needs.map((n) => [n.qualification ?? '', n.count]));
  const setCount = (q: string, count: number) => {
    const next = QUALIFICATIONS.filter((x) => x !== q && counts.get(x)).map((x) => ({
      qualification: x,
      count: counts.get(x) ?? 0,
    }));
    const anyone = q === '' ? count : (counts.get('') ?? 0);
    const list: ShiftNeed[] = [...next];
    if (q !== '' && count > 0) list.push({ qualification: q as ShiftNeed['qualification'], count });
    if (anyone > 0) list.push({ qualification: null, count: anyone });
    setNeeds(list);
  };
  return (
    <Modal
      open
      width={620}
      title={t('duty.roster.patternTitle', { name: facility.name })}
      onCancel={onClose}
      okButtonProps={{
        disabled: !base || needs.length === 0,
        ...({ 'data-testid': 'pattern-save' } as Record<string, string>),
      }}
      confirmLoading={save.isPending}
      onOk={() => {
        if (!base) return;
        setError(null);
        save.mutate(
          { name: base.name, shifts: base.shifts.map((s) => ({ ...s, needs })) },
          { onError: (err) => setError(errorText(err)) },
        );
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: 260 }}
          value={presetKey}
          placeholder={current?.name}
          onChange={setPresetKey}
          data-testid="pattern-preset"
          options={(presets.data?.items ?? []).map((p) => ({ value: p.key, label: p.label }))}
        />
        {base && (
          <Typography.Text type="secondary">
            {joinList(base.shifts.map((s) => `${shiftLabel(s.label)} ${s.start}–${s.end}`))}
          </Typography.Text>
        )}
        <Typography.Text strong>{t('duty.roster.needs')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="q"
          dataSource={[
            ...QUALIFICATIONS.map((q) => ({ q, label: t(`duty.qualification.${q}`) })),
            { q: '', label: t('duty.roster.anyone') },
          ]}
          columns={[
            { dataIndex: 'label' },
            {
              width: 120,
              render: (_, r) => (
                <InputNumber
                  min={0}
                  max={50}
                  value={counts.get(r.q) ?? 0}
                  onChange={(v) => setCount(r.q, Number(v) || 0)}
                />
              ),
            },
          ]}
        />
        {error && <Alert type="error" title={error} showIcon />}
      </Space>
    </Modal>
  );
}
