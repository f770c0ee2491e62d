import { type CareUnit, ITEM_KIND_INFO, ITEM_KINDS, type ItemKind } from '../../../domain/care/items';
import type { ApiFieldError } from '../../http/client';

// What a household asks for, as its page and the worker's form hold it before it is sent, and the way
// back from the server's field errors (items.2.quantity) to the line they are about. Pure, no I/O.

/** A line of goods on the household's page: one per kind, counted with a stepper (0: not asked). */
export interface GoodsLine {
  quantity: number;
  unit: CareUnit;
  /** which medicine, what else (required for those kinds), or a precision (东北大米) */
  name: string;
}

export type GoodsDraft = Record<ItemKind, GoodsLine>;

/** Every kind at 0, in its usual unit. */
export function emptyGoods(): GoodsDraft {
  return Object.fromEntries(
    ITEM_KINDS.map((k) => [k, { quantity: 0, unit: ITEM_KIND_INFO[k].units[0], name: '' }]),
  ) as GoodsDraft;
}

export interface AskBody {
  items: { kind: ItemKind; quantity: number; unit: CareUnit; name?: string }[];
  help: string[];
  note?: string;
  urgent?: boolean;
}

/**
 * The body of the household's request: the kinds asked for (quantity above 0) in the order of the
 * kinds, the help ticked, the note when written; and which kind each item of the body is (the server's
 * errors name items by their place in the body).
 */
export function askBody(
  goods: GoodsDraft,
  help: readonly string[],
  note: string,
  urgent = false,
): { body: AskBody; kinds: ItemKind[] } {
  const kinds = ITEM_KINDS.filter((k) => goods[k].quantity > 0);
  const items = kinds.map((k) => {
    const g = goods[k];
    const name = g.name.trim();
    return { kind: k, quantity: g.quantity, unit: g.unit, ...(name ? { name } : {}) };
  });
  const text = note.trim();
  return {
    body: { items, help: [...help], ...(text ? { note: text } : {}), ...(urgent ? { urgent } : {}) },
    kinds,
  };
}

/** The number of things asked for: kinds of goods and kinds of help. */
export function askedCount(goods: GoodsDraft, help: readonly string[]): number {
  return ITEM_KINDS.filter((k) => goods[k].quantity > 0).length + help.length;
}

/** One step of a stepper: up or down by 1, never below 0 nor above 999, to one decimal. */
export function stepQuantity(q: number, by: number): number {
  const next = Math.round((q + by) * 10) / 10;
  return Math.min(999, Math.max(0, next));
}

export type IssuePlace = ItemKind | 'help' | 'note' | 'general';

/**
 * The server's field errors placed where the household's page shows them: an item's error under its
 * kind (items.N… by the body's order), help and the note under theirs, anything else on top.
 */
export function placeIssues(
  fields: readonly ApiFieldError[],
  kinds: readonly ItemKind[],
): Partial<Record<IssuePlace, string[]>> {
  const out: Partial<Record<IssuePlace, string[]>> = {};
  const add = (place: IssuePlace, message: string) => {
    const list = out[place] ?? [];
    if (!list.includes(message)) list.push(message);
    out[place] = list;
  };
  for (const f of fields) {
    const m = /^items\.(\d+)(?:\.|$)/.exec(f.path);
    const kind = m ? kinds[Number(m[1])] : undefined;
    if (kind) add(kind, f.message);
    else if (f.path === 'help' || f.path.startsWith('help.')) add('help', f.message);
    else if (f.path === 'note') add('note', f.message);
    else add('general', f.message);
  }
  return out;
}

/**
 * Where an antd form shows a server error (its Form.List of items named as the API names them):
 * 'items.2.unit' → ['items', 2, 'unit'], the body's item 2 being the form's line `lines[2]` when the
 * empty lines were left out; the same item twice ('items.2') → on its kind; a help kind ('help.1') → on
 * the help; 'items' (nothing asked) or an item the form does not have → undefined (said above the form).
 */
export function formPathOf(path: string, lines?: readonly number[]): (string | number)[] | undefined {
  if (path === 'items' || path === '') return undefined;
  const item = /^items\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (item) {
    const line = lines ? lines[Number(item[1])] : Number(item[1]);
    return line === undefined ? undefined : ['items', line, item[2] ?? 'kind'];
  }
  if (path.startsWith('help.')) return ['help'];
  return path.split('.');
}

/** A line of the worker's form, as antd holds it (any field may still be empty). */
export interface FormLine {
  kind?: ItemKind;
  quantity?: number | null;
  unit?: CareUnit;
  name?: string;
}

/**
 * The items of the worker's form: its lines without the empty ones (no kind, no quantity), each sent as
 * typed for the server to judge; and which line of the form each item of the body is.
 */
export function formItems(form: readonly (FormLine | undefined)[] | undefined): {
  items: { kind: string; quantity: number; unit?: string; name?: string }[];
  lines: number[];
} {
  const items: { kind: string; quantity: number; unit?: string; name?: string }[] = [];
  const lines: number[] = [];
  (form ?? []).forEach((l, i) => {
    if (!l || (!l.kind && (l.quantity === undefined || l.quantity === null))) return;
    const name = l.name?.trim();
    items.push({
      kind: l.kind ?? '',
      quantity: l.quantity ?? 0,
      ...(l.unit ? { unit: l.unit } : {}),
      ...(name ? { name } : {}),
    });
    lines.push(i);
  });
  return { items, lines };
}
