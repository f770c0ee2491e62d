import type { Locale } from '../i18n/messages';
import {
  CARE_UNITS,
  type CareItem,
  type CareUnit,
  HELP_KINDS,
  HELP_LABELS,
  type HelpKind,
  ITEM_KIND_INFO,
  ITEM_KINDS,
  type ItemKind,
  UNIT_LABELS,
} from './items';

// The day's list (每日米面油清单): a community's requests of one day added up as the office prints it for
// the supermarket or the donor — what, how much, for how many households. Pure, no I/O; the requests are
// added one at a time, so that memory holds the lines and the households, never the requests.

export interface DayListLine {
  kind: ItemKind;
  unit: CareUnit;
  /** the precision asked for (东北大米, 硝苯地平), as first written; null when none */
  name: string | null;
  quantity: number;
  /** households that asked for it */
  households: number;
}

export interface DayListHelp {
  kind: HelpKind;
  households: number;
}

export interface DayListRequest {
  /** the household's key: several requests of one household count it once */
  household: string;
  items: readonly CareItem[];
  help: readonly HelpKind[];
}

interface Acc {
  kind: ItemKind;
  unit: CareUnit;
  name: string | null;
  tenths: number;
  households: Set<string>;
}

/**
 * Adds requests up: one line per kind, unit and name (the same name in any case and spacing is one
 * line; 斤 and 袋 of rice are two, as they are bought apart), quantities summed exactly (in tenths), and
 * the households counted once each; help counted by kind. Lines in the order of the kinds (粮油 first),
 * then of the units, then by name (none first).
 */
export class DayList {
  private readonly lines_ = new Map<string, Acc>();
  private readonly help_ = new Map<HelpKind, Set<string>>();
  private readonly households_ = new Set<string>();
  private requests_ = 0;

  add(r: DayListRequest): void {
    this.requests_++;
    this.households_.add(r.household);
    for (const it of r.items) {
      const key = `${it.kind}|${it.unit}|${(it.name ?? '').replace(/\s+/g, '').toLowerCase()}`;
      let acc = this.lines_.get(key);
      if (!acc) {
        acc = { kind: it.kind, unit: it.unit, name: it.name, tenths: 0, households: new Set() };
        this.lines_.set(key, acc);
      }
      acc.tenths += Math.round(it.quantity * 10);
      acc.households.add(r.household);
    }
    for (const h of r.help) {
      const set = this.help_.get(h) ?? new Set<string>();
      set.add(r.household);
      this.help_.set(h, set);
    }
  }

  get requests(): number {
    return this.requests_;
  }

  get households(): number {
    return this.households_.size;
  }

  lines(): DayListLine[] {
    const order = (a: Acc) => [ITEM_KINDS.indexOf(a.kind), CARE_UNITS.indexOf(a.unit)];
    return [...this.lines_.values()]
      .sort((a, b) => {
        const [ka, ua] = order(a);
        const [kb, ub] = order(b);
        return ka - kb || ua - ub || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN');
      })
      .map((a) => ({
        kind: a.kind,
        unit: a.unit,
        name: a.name,
        quantity: a.tenths / 10,
        households: a.households.size,
      }));
  }

  help(): DayListHelp[] {
    return HELP_KINDS.filter((h) => this.help_.has(h)).map((h) => ({
      kind: h,
      households: this.help_.get(h)?.size ?? 0,
    }));
  }
}

/** A line as the printed list says it: { what: '大米（东北大米）', unit: '斤' }. */
export function lineText(line: Pick<DayListLine, 'kind' | 'unit' | 'name'>, locale: Locale) {
  const kind = ITEM_KIND_INFO[line.kind].label[locale];
  const what = line.name ? (locale === 'en' ? `${kind} (${line.name})` : `${kind}（${line.name}）`) : kind;
  return { what, unit: UNIT_LABELS[line.unit][locale] };
}

export function helpText(kind: HelpKind, locale: Locale): string {
  return HELP_LABELS[kind][locale];
}
