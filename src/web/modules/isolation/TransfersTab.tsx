import { Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TransferState, useTransfers } from '../../http/isolation';
import { useScope } from '../../shell/ScopeContext';
import { TransfersTable } from './TransfersTable';

type Shown = TransferState | 'active';
const SHOWN: Shown[] = ['active', 'open', 'picked_up', 'closed'];

/** 转运: the transfers of the unit chosen in the header, the active ones (not closed) first. */
export function TransfersTab() {
  const { t } = useTranslation();
  const { scopeCode } = useScope();
  const [state, setState] = useState<Shown>('active');
  const list = useTransfers(scopeCode, state);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<Shown>
        value={state}
        onChange={setState}
        options={SHOWN.map((s) => ({
          value: s,
          label: (
            <span data-testid={`transfers-state-${s}`}>
              {s === 'active' ? t('isolation.transfer.active') : t(`isolation.transfer.states.${s}`)}
            </span>
          ),
        }))}
      />
      <TransfersTable
        transfers={list.data?.items ?? []}
        loading={list.isPending}
        showPerson
        testId="transfers-table"
      />
    </Space>
  );
}
