import { useTranslation } from 'react-i18next';
import type { CareDayList } from '../../http/care';
import { formatDateTime } from '../../shell/dates';
import { PrintSheet } from '../../shell/print/PrintSheet';
import type { DayListRow } from './dayListRows';

/**
 * The printed day's list (A4 portrait) for the supermarket or the donor: the unit and the day, one row
 * per community and line, the totals, and lines to sign (制表人, 审核人).
 */
export function DayListSheet({ list, rows }: { list: CareDayList; rows: DayListRow[] }) {
  const { t } = useTranslation();
  return (
    <PrintSheet<DayListRow>
      testId="care-day-list-sheet"
      title={t('care.dayList.title', { unit: list.unit.name })}
      lines={[
        `${t('care.dayList.day')}${t('common.colon')}${list.day}　${t('care.dayList.summary', {
          requests: list.requests,
          households: list.households,
        })}`,
        t('care.dayList.printedAt', { at: formatDateTime(Date.now()) }),
      ]}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { title: t('care.dayList.community'), width: '24%', render: (r) => (r.first ? r.community : '') },
        {
          title: t('care.dayList.what'),
          render: (r) => (r.total ? <strong>{r.what}</strong> : r.what),
        },
        {
          title: t('care.dayList.quantity'),
          width: '12%',
          align: 'right',
          render: (r) => (r.quantity === null ? '' : r.quantity),
        },
        { title: t('care.dayList.unit'), width: '12%', render: (r) => r.unit },
        { title: t('care.dayList.households'), width: '12%', align: 'right', render: (r) => r.households },
      ]}
    />
  );
}

/** The lines to sign under the printed list. */
export function DayListSignature() {
  const { t } = useTranslation();
  return (
    <p style={{ marginTop: '10mm', display: 'flex', justifyContent: 'space-between' }}>
      <span>{t('care.dayList.madeBy')}</span>
      <span>{t('care.dayList.checkedBy')}</span>
      <span>{t('care.dayList.receivedBy')}</span>
    </p>
  );
}
