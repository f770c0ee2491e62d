import { useTranslation } from 'react-i18next';
import { type CampaignProgress, type Door, listDoors, useLedgerDay } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { fetchAll, PRINT_CAP } from '../../../shell/print/fetchAll';
import type { PrintJob } from '../../../shell/print/PrintButton';
import { type PrintColumn, PrintSheet } from '../../../shell/print/PrintSheet';
import { ColourCell, printPlace, ResidentLines } from './printCells';

/**
 * 打印走访名单: the doors of a screening campaign in the unit shown, in the ledger's order, with their
 * colour and visit state and a wide blank column to write in at the door; A4 landscape.
 */
export function useDoorsPrint(progress: CampaignProgress | undefined, unit: string | undefined) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const day = useLedgerDay().data?.today;

  return async (): Promise<PrintJob> => {
    if (!progress) throw new Error(t('common.loading'));
    const { campaign } = progress;
    const { rows, capped } = await fetchAll((after, limit) => listDoors(campaign.id, { unit, after, limit }));
    const columns: PrintColumn<Door>[] = [
      { title: t('print.no'), width: '4%', align: 'right', render: (_, i) => i + 1 },
      { title: t('print.doors.place'), width: '13%', render: (d) => printPlace(d) },
      {
        title: t('print.doors.residents'),
        width: '33%',
        render: (d) => <ResidentLines residents={d.residents} lang={lang} />,
      },
      {
        title: t('print.doors.colour'),
        width: '8%',
        render: (d) => <ColourCell colour={d.colour} byHand={!!d.override} />,
      },
      {
        title: t('print.doors.status'),
        width: '9%',
        render: (d) =>
          t(`screening.status.${d.visit?.status ?? 'pending'}`) +
          (d.visit?.visits ? t('print.doors.visits', { n: d.visit.visits }) : ''),
      },
      // room to write at the door
      { title: t('print.doors.notes'), render: () => <div style={{ minHeight: '20pt' }} /> },
    ];
    const dates = campaign.endsOn ? `${campaign.startsOn} – ${campaign.endsOn}` : `${campaign.startsOn} –`;
    const warning = capped ? t('print.capped', { cap: PRINT_CAP.toLocaleString() }) : undefined;
    return {
      orientation: 'landscape',
      warning,
      sheet: (
        <PrintSheet
          testId="doors-print-sheet"
          title={t('print.doors.title', { unit: progress.unit?.name ?? '' })}
          lines={[
            t('print.doors.campaign', { name: campaign.name, dates }),
            [
              t('print.total', { n: progress.total }),
              t('print.doors.progress', {
                visited: progress.visited,
                revisit: progress.revisit,
                pending: Math.max(0, progress.total - progress.visited - progress.revisit),
              }),
              day && t('print.day', { day }),
            ]
              .filter(Boolean)
              .join('　'),
            ...(warning ? [<strong key="capped">{warning}</strong>] : []),
          ]}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.key}
        />
      ),
    };
  };
}
