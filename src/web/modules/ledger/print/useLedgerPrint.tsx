import { useTranslation } from 'react-i18next';
import {
  type LedgerFilter,
  type LedgerItem,
  listLedger,
  useCampaigns,
  useLedgerDay,
} from '../../../http/ledger';
import type { UnitWithAncestors } from '../../../http/types';
import { useLanguage } from '../../../i18n/useLanguage';
import { fetchAll, PRINT_CAP } from '../../../shell/print/fetchAll';
import type { PrintJob } from '../../../shell/print/PrintButton';
import { type PrintColumn, PrintSheet } from '../../../shell/print/PrintSheet';
import { colourName, markerLabel } from '../common/labels';
import type { LedgerParams } from '../useLedgerParams';
import { ColourCell, markersText, printPlace, printUnitName, ResidentLines } from './printCells';

/**
 * 打印台账: the ledger's current filter in full (every page, up to PRINT_CAP households), on A4 landscape,
 * titled with the unit, the filter and the ledger's day.
 */
export function useLedgerPrint(
  unit: UnitWithAncestors | undefined,
  params: LedgerParams,
  filter: LedgerFilter | undefined,
  withinName: string | undefined,
) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const day = useLedgerDay().data?.today;
  const campaigns = useCampaigns();

  const filterText = () => {
    const list = (xs: string[]) => xs.join(t('print.filter.list'));
    const campaign = campaigns.data?.items.find((c) => c.id === params.campaign);
    const parts = [
      params.colour.length > 0 &&
        t('print.filter.colour', { v: list(params.colour.map((c) => colourName(c, lang))) }),
      params.marker.length > 0 &&
        t('print.filter.marker', { v: list(params.marker.map((m) => markerLabel(m, lang))) }),
      params.q && t('print.filter.search', { v: params.q }),
      params.within && t('print.filter.within', { v: withinName ?? params.within }),
      params.campaign &&
        t('print.filter.campaign', {
          v: [campaign?.name ?? params.campaign, params.status && t(`screening.status.${params.status}`)]
            .filter(Boolean)
            .join(' · '),
        }),
    ].filter((p): p is string => !!p);
    return (
      t('print.filter.label') +
      (parts.length ? parts.join(t('print.filter.separator')) : t('print.filter.all'))
    );
  };

  return async (): Promise<PrintJob> => {
    if (!unit || !filter) throw new Error(t('org.selectUnit'));
    const { rows, capped } = await fetchAll((after, limit) =>
      listLedger(filter, after ? { after } : {}, limit),
    );
    const columns: PrintColumn<LedgerItem>[] = [
      { title: t('print.no'), width: '4%', align: 'right', render: (_, i) => i + 1 },
      { title: t('ledger.col.place'), width: '15%', render: (h) => printPlace(h) },
      {
        title: t('ledger.col.colour'),
        width: '9%',
        render: (h) => <ColourCell colour={h.colour} byHand={!!h.override} />,
      },
      { title: t('ledger.col.markers'), width: '12%', render: (h) => markersText(h.markers, lang) },
      {
        title: t('ledger.col.residents'),
        render: (h) => <ResidentLines residents={h.residents} lang={lang} />,
      },
      { title: t('ledger.col.count'), width: '5%', align: 'right', render: (h) => h.residentCount },
    ];
    const warning = capped ? t('print.capped', { cap: PRINT_CAP.toLocaleString() }) : undefined;
    return {
      orientation: 'landscape',
      warning,
      sheet: (
        <PrintSheet
          testId="ledger-print-sheet"
          title={t('print.ledger.title', { unit: printUnitName(unit) })}
          lines={[
            filterText(),
            [t('print.total', { n: rows.length }), day && t('print.day', { day })].filter(Boolean).join('　'),
            ...(warning ? [<strong key="capped">{warning}</strong>] : []),
          ]}
          columns={columns}
          rows={rows}
          rowKey={(h) => h.key}
        />
      ),
    };
  };
}
