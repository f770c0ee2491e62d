import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../domain/ledger/colours';
import { MARKERS, type Marker } from '../../../domain/ledger/markers';
import type { LedgerFilter, VisitStatus } from '../../http/ledger';

// The ledger page keeps its state in the address (unit, filters, the page, the household open in the
// drawer), so that a link, a reload or the back button shows the same view.

export interface LedgerParams {
  unit?: string;
  /** a child unit (a building, a grid) the table is narrowed to */
  within?: string;
  colour: HouseholdColour[];
  marker: Marker[];
  q: string;
  campaign?: string;
  status?: VisitStatus;
  /** the household open in the drawer */
  household?: string;
  /** the page shown (1-based) and where it starts: after a row, before a row, or neither (a jump) */
  page: number;
  after?: string;
  before?: string;
}

/** Changing any of these starts the list again at its first page. */
const FILTER_KEYS = ['unit', 'within', 'colour', 'marker', 'q', 'campaign', 'status'] as const;

const STATUSES: readonly VisitStatus[] = ['pending', 'visited', 'revisit'];

function listOf<T extends string>(value: string | null, known: readonly T[]): T[] {
  return (value ?? '').split(',').filter((v): v is T => (known as readonly string[]).includes(v));
}

export function useLedgerParams() {
  const [search, setSearch] = useSearchParams();
  const params: LedgerParams = useMemo(() => {
    const status = search.get('status');
    return {
      unit: search.get('unit') ?? undefined,
      within: search.get('within') ?? undefined,
      colour: listOf(search.get('colour'), HOUSEHOLD_COLOURS),
      marker: listOf(search.get('marker'), MARKERS),
      q: search.get('q') ?? '',
      campaign: search.get('campaign') ?? undefined,
      status: STATUSES.includes(status as VisitStatus) ? (status as VisitStatus) : undefined,
      household: search.get('h') ?? undefined,
      page: Math.max(1, Math.floor(Number(search.get('page'))) || 1),
      after: search.get('after') ?? undefined,
      before: search.get('before') ?? undefined,
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<LedgerParams>, opts: { replace?: boolean } = {}) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (k: string, v: string | undefined) => {
            if (v) next.set(k, v);
            else next.delete(k);
          };
          if ('unit' in patch) set('unit', patch.unit);
          if ('within' in patch) set('within', patch.within);
          if ('colour' in patch) set('colour', patch.colour?.join(','));
          if ('marker' in patch) set('marker', patch.marker?.join(','));
          if ('q' in patch) set('q', patch.q?.trim());
          if ('campaign' in patch) set('campaign', patch.campaign);
          if ('status' in patch) set('status', patch.status);
          if ('household' in patch) set('h', patch.household);
          if ('page' in patch || FILTER_KEYS.some((k) => k in patch)) {
            set('page', patch.page && patch.page > 1 ? String(patch.page) : undefined);
            set('after', patch.after);
            set('before', patch.before);
          }
          return next;
        },
        { replace: opts.replace },
      );
    },
    [setSearch],
  );
  return { params, update };
}

/** The list query of the page's state, for the unit shown (or the child it is narrowed to). */
export function filterOf(p: LedgerParams, unit: string | undefined): LedgerFilter | undefined {
  const code = p.within ?? unit;
  if (!code) return undefined;
  return {
    unit: code,
    colour: p.colour.length ? p.colour : undefined,
    marker: p.marker.length ? p.marker : undefined,
    q: p.q || undefined,
    campaign: p.campaign,
    campaignStatus: p.campaign ? p.status : undefined,
  };
}
