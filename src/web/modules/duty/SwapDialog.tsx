import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAssignment,
  type RosterPerson,
  type RosterShift,
  removeAssignment,
  shiftCandidates,
  swapAssignment,
} from '../../http/duty';
import { errorText } from '../../http/errors';
import { joinList, paren } from '../../i18n/punctuation';
import { clock } from './Attendance';
import { shiftLabel } from './presetText';
import { useDutyMutation } from './useDutyMutation';

/** Swap a person on a shift for another (调班), take them off, or put someone on an empty place. */
export function SwapDialog({
  shift,
  person,
  onClose,
}: {
  shift: RosterShift;
  person?: RosterPerson;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  // an empty place: the first need not yet met
  const need = person
    ? (person.qualification ?? null)
    : (shift.needs.find(
        (n) => shift.people.filter((p) => (p.qualification ?? null) === n.qualification).length < n.count,
      )?.qualification ?? null);
  const candidates = useQuery({
    queryKey: ['duty', 'candidates', shift.id, q, need],
    queryFn: () => shiftCandidates(shift.id, q, need),
  });
  const onError = { onError: (err: unknown) => setError(errorText(err)) };
  const swap = useDutyMutation((id: string) => swapAssignment(person?.assignmentId ?? '', id), onClose, {
    silentError: true,
  });
  const add = useDutyMutation((id: string) => addAssignment(shift.id, id, need), onClose, {
    silentError: true,
  });
  const remove = useDutyMutation(() => removeAssignment(person?.assignmentId ?? ''), onClose, {
    silentError: true,
  });
  const title = `${shift.day} ${shiftLabel(shift.label)} ${clock(shift.start)}–${clock(shift.end)}`;
  return (
    <Modal
      open
      title={
        person ? t('duty.roster.swapTitle', { shift: title }) : t('duty.roster.addTitle', { shift: title })
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {person && (
          <Typography.Text>
            {person.name}
            {person.qualification ? paren(t(`duty.qualification.${person.qualification}`)) : ''}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('duty.roster.candidate')}
          {need ? paren(t(`duty.qualification.${need}`)) : ''} — {t('duty.roster.candidateHint')}
        </Typography.Text>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          style={{ width: '100%' }}
          value={chosen}
          onChange={setChosen}
          loading={candidates.isLoading}
          data-testid="swap-candidate"
          options={(candidates.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}${paren(joinList(c.qualifications.map((x) => t(`duty.qualification.${x}`))))}`,
          }))}
        />
        {error && <Alert type="error" title={error} showIcon />}
        <Space>
          <Button
            type="primary"
            disabled={!chosen}
            loading={swap.isPending || add.isPending}
            data-testid="swap-save"
            onClick={() => {
              setError(null);
              if (!chosen) return;
              if (person) swap.mutate(chosen, onError);
              else add.mutate(chosen, onError);
            }}
          >
            {person ? t('duty.roster.swap') : t('duty.roster.add')}
          </Button>
          {person && (
            <Popconfirm
              title={t('duty.roster.removeConfirm', { name: person.name })}
              onConfirm={() => remove.mutate(undefined, onError)}
            >
              <Button danger>{t('duty.roster.remove')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Modal>
  );
}
