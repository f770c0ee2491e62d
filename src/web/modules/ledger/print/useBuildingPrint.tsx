import { useTranslation } from 'react-i18next';
import { useLedgerDay } from '../../../http/ledger';
import type { UnitWithAncestors } from '../../../http/types';
import type { PrintJob } from '../../../shell/print/PrintButton';
import { PrintSheet } from '../../../shell/print/PrintSheet';
import { BuildingLegend } from '../building/BuildingLegend';
import { EntranceBlock } from '../building/EntranceBlock';
import type { buildingGrids } from '../building/layout';
import { printUnitName } from './printCells';

type Grids = ReturnType<typeof buildingGrids>;
type Row = { key: string; name: string | undefined; grid: Grids[number]['entrances'][number] };

/** Tile width and gaps of EntranceBlock (88 px a door) and the width of A4 portrait between margins. */
const DOOR_PX = 92;
const PORTRAIT_PX = 700;

/**
 * 打印楼栋图: the building's coloured tiles, an entrance (单元) to a row so that a page breaks between
 * entrances, with the title and the legend on every page; landscape when an entrance has too many doors
 * a floor for portrait.
 */
export function useBuildingPrint(
  unit: UnitWithAncestors | undefined,
  code: string,
  grids: Grids,
  counts: Record<string, number>,
  total: number,
) {
  const { t } = useTranslation();
  const day = useLedgerDay().data?.today;

  return async (): Promise<PrintJob> => {
    if (!unit) throw new Error(t('common.loading'));
    const rows: Row[] = grids.flatMap((g) =>
      g.entrances.map((e) => ({
        key: `${g.unit.code}/${e.entrance}`,
        name: grids.length > 1 || g.unit.code !== code ? g.unit.name : undefined,
        grid: e,
      })),
    );
    const widest = Math.max(0, ...rows.map((r) => r.grid.columns));
    return {
      orientation: widest * DOOR_PX + 60 > PORTRAIT_PX ? 'landscape' : 'portrait',
      sheet: (
        <PrintSheet
          testId="building-print-sheet"
          plain
          title={t('print.building.title', { unit: printUnitName(unit) })}
          lines={[
            [t('print.total', { n: total }), day && t('print.day', { day })].filter(Boolean).join('　'),
            <BuildingLegend key="legend" counts={counts} total={total} />,
          ]}
          columns={[
            {
              title: '',
              render: (r: Row) => (
                <div>
                  {r.name && <div style={{ fontWeight: 600 }}>{r.name}</div>}
                  <EntranceBlock grid={r.grid} onOpen={() => {}} />
                </div>
              ),
            },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
        />
      ),
    };
  };
}
