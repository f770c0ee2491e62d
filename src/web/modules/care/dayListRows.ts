import type { HelpKind } from '../../../domain/care/items';
import type { CareDayList, DayListPart } from '../../http/care';
import type { CareLabels } from './labels';

// The day's list (每日米面油清单) as rows, the way the printed sheet and the xlsx lay it out: one row per
// community and line (what, how much, in what, for how many households), the help after the goods, and
// the totals when there are several communities. Pure, no I/O.

export interface DayListRow {
  key: string;
  /** its community's code (or 'total') */
  group: string;
  community: string;
  what: string;
  /** null for a kind of help: it is counted in households only */
  quantity: number | null;
  unit: string;
  households: number;
  /** the first row of its community (the printed sheet names the community once) */
  first: boolean;
  total: boolean;
}

function partRows(
  part: DayListPart,
  community: string,
  key: string,
  labels: Pick<CareLabels, 'line' | 'helpLine'>,
  total: boolean,
): DayListRow[] {
  const rows: DayListRow[] = [];
  for (const line of part.lines) {
    const text = labels.line(line);
    rows.push({
      key: `${key}|${line.kind}|${line.unit}|${line.name ?? ''}`,
      group: key,
      community,
      what: text.what,
      quantity: line.quantity,
      unit: text.unit,
      households: line.households,
      first: rows.length === 0,
      total,
    });
  }
  for (const h of part.help)
    rows.push({
      key: `${key}|help|${h.kind as HelpKind}`,
      group: key,
      community,
      what: labels.helpLine(h.kind),
      quantity: null,
      unit: '',
      households: h.households,
      first: rows.length === 0,
      total,
    });
  return rows;
}

export function dayListRows(
  list: CareDayList,
  labels: Pick<CareLabels, 'line' | 'helpLine'>,
  totalLabel: string,
): DayListRow[] {
  const rows = list.communities.flatMap((c, i) => partRows(c, c.name, c.code ?? `c${i}`, labels, false));
  if (list.communities.length > 1) rows.push(...partRows(list, totalLabel, 'total', labels, true));
  return rows;
}
