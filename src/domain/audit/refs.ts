// What an audit entry refers to. Entries name their objects by key ('user:10', 'unit:410105002008',
// 'resident:410105-1234', 'ledger:410105002008' for an export of that unit's ledger, 'roster:facility:3'),
// and their details by code ({ unit: '410105002008' }, a move's { parent: { from, to } }). The server
// resolves these references to names in one query per kind (modules/audit), and the audit page writes
// sentences with them.

export const REF_KINDS = ['user', 'unit', 'facility', 'person', 'resident'] as const;
export type RefKind = (typeof REF_KINDS)[number];

const UNIT_CODE = /^\d{6}(?:\d{3}){0,2}(?:[GYB]\d{2,6})?$/;

function isRefKind(s: string): s is RefKind {
  return (REF_KINDS as readonly string[]).includes(s);
}

/** 'user:10' → { kind: 'user', id: '10' }; undefined when it is no reference. */
export function splitRef(ref: string): { kind: RefKind; id: string } | undefined {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i);
  return i > 0 && isRefKind(kind) && ref.length > i + 1 ? { kind, id: ref.slice(i + 1) } : undefined;
}

/**
 * The object an entry's target stands for, as a reference: 'user:10' as it is, 'ledger:410105002008' (an
 * export of a unit's ledger) → 'unit:410105002008', 'roster:facility:3' → 'facility:3'.
 */
export function targetRef(target: string | null | undefined): string | undefined {
  if (!target) return undefined;
  const parts = target.split(':');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (isRefKind(parts[i]) && parts[i + 1]) return `${parts[i]}:${parts.slice(i + 1).join(':')}`;
  }
  const last = parts[parts.length - 1];
  return parts.length >= 2 && UNIT_CODE.test(last) ? `unit:${last}` : undefined;
}

/** Every reference of an entry: its actor, its target, and the units its detail names by code. */
export function auditRefs(e: {
  userId?: string | number | null;
  target?: string | null;
  detail?: unknown;
}): string[] {
  const refs = new Set<string>();
  if (e.userId !== null && e.userId !== undefined) refs.add(`user:${e.userId}`);
  const target = targetRef(e.target);
  if (target) refs.add(target);
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const unitCode = (v: unknown) => {
    if (typeof v === 'string' && UNIT_CODE.test(v)) refs.add(`unit:${v}`);
  };
  unitCode(d.unit);
  if (d.parent && typeof d.parent === 'object') {
    const p = d.parent as Record<string, unknown>;
    unitCode(p.from);
    unitCode(p.to);
  }
  return [...refs];
}
