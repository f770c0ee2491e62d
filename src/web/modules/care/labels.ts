import { helpText, lineText } from '../../../domain/care/consolidate';
import {
  type CareItem,
  type CareUnit,
  HELP_LABELS,
  type HelpKind,
  ITEM_KIND_INFO,
  type ItemKind,
  itemText,
  UNIT_LABELS,
} from '../../../domain/care/items';
import {
  CARE_REASON_LABELS,
  CARE_VIEW_LABELS,
  type CareReason,
  type CareView,
} from '../../../domain/care/request';
import type { Language } from '../../i18n';

// The domain's words of the care (生活保障) in the UI's language: kinds of goods, units, help, why a
// household may ask, the states of a request. One table, shared with the server (src/domain/care).

export function careLabels(lang: Language) {
  const sep = lang === 'en' ? ', ' : '、';
  return {
    kind: (k: ItemKind) => ITEM_KIND_INFO[k]?.label[lang] ?? k,
    unit: (u: CareUnit) => UNIT_LABELS[u]?.[lang] ?? u,
    help: (h: HelpKind) => HELP_LABELS[h]?.[lang] ?? h,
    reason: (r: CareReason) => CARE_REASON_LABELS[r]?.[lang] ?? r,
    state: (s: CareView) => CARE_VIEW_LABELS[s]?.[lang] ?? s,
    /** 大米10斤、食用油1桶 */
    items: (items: readonly CareItem[]) => items.map((i) => itemText(i, lang)).join(sep),
    /** 送餐、送书 */
    helps: (help: readonly HelpKind[]) => help.map((h) => HELP_LABELS[h]?.[lang] ?? h).join(sep),
    line: (l: Parameters<typeof lineText>[0]) => lineText(l, lang),
    helpLine: (h: HelpKind) => helpText(h, lang),
  };
}
export type CareLabels = ReturnType<typeof careLabels>;

/** Colours of the states' tags: overdue red, waiting blue, on its way gold, delivered green. */
export const STATE_COLOURS: Record<CareView, string> = {
  overdue: 'red',
  open: 'blue',
  assigned: 'gold',
  delivered: 'green',
  cancelled: 'default',
};

/** The tag of an assigned request past its deadline (超时未送达). */
export const LATE_COLOUR = 'orange';
