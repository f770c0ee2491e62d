import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, InfiniteScroll, List, NavBar, SearchBar, Selector, Tag } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COLOURS } from '../../../domain/ledger/colours';
import { errorText } from '../../http/errors';
import { type Door, ledgerKeys, listDoors, useProgress, type VisitStatus } from '../../http/ledger';
import { joinList } from '../../i18n/punctuation';
import { doorText, withinText } from '../../modules/ledger/common/labels';
import { MarkerSymbols } from '../../modules/ledger/common/MarkerSymbols';
import { useLedgerLive } from '../../modules/ledger/common/useLedgerLive';
import { useDebounced } from '../../shell/useDebounced';
import { cachedReference, saveReferences } from '../offline/reference';
import { useQueuedWrites } from '../offline/useQueue';
import { FieldBuildingJump } from './FieldBuildingJump';
import { hasPhones, PhonesButton, PhonesSheet } from './FieldPhones';
import { FieldProgress } from './FieldProgress';
import { useCampaignsOffline, useLedgerDayOffline } from './offlineData';

type Filter = VisitStatus | 'all';
const FILTERS: Filter[] = ['pending', 'revisit', 'visited', 'all'];
const PAGE = 50;

const STATUS_TAG: Record<VisitStatus, 'default' | 'warning' | 'success'> = {
  pending: 'default',
  revisit: 'warning',
  visited: 'success',
};

function groups(doors: Door[]): { code: string; name: string; doors: Door[] }[] {
  const out: { code: string; name: string; doors: Door[] }[] = [];
  for (const d of doors) {
    const last = out[out.length - 1];
    if (last?.code === d.unit.code) last.doors.push(d);
    else
      out.push({
        code: d.unit.code,
        name: [withinText(d), d.unit.name].filter(Boolean).join(' '),
        doors: [d],
      });
  }
  return out;
}

/**
 * The doors of a campaign in the worker's part of it, by building; pending first. A search box (a name,
 * in characters or pinyin, a door, a building) and a jump to a building narrow the list; the phone
 * button of a door reveals its residents' phones (audited) to call them with one tap.
 */
export function FieldDoors() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filter = (FILTERS as string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as Filter)
    : 'pending';
  const status = filter === 'all' ? undefined : filter;
  const unit = search.get('unit') ?? undefined;
  const [text, setText] = useState(search.get('q') ?? '');
  const q = useDebounced(text.trim(), 350);
  const [phones, setPhones] = useState<Door | null>(null);
  const setParam = (key: string, value: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  // the typed text goes into the address (a reload, the back button from a door keep it)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text is written
  useEffect(() => {
    if (q !== (search.get('q') ?? '')) setParam('q', q || undefined);
  }, [q]);
  const campaigns = useCampaignsOffline();
  const campaign = campaigns.data?.items.find((c) => c.id === id);
  const progress = useProgress(id);
  useLedgerDayOffline(); // kept for the door form (offline)
  useLedgerLive();
  const query = useInfiniteQuery({
    queryKey: ledgerKeys.doors(id, unit, status, q),
    // each page kept on the phone, and each door under its own key for the door form: the round goes on
    // without a network (offline/reference.ts)
    queryFn: async ({ pageParam, signal }) => {
      const page = await cachedReference(
        `ledger.doors.${id}.${unit ?? ''}.${status ?? ''}.${q}.${pageParam ?? ''}`,
        () => listDoors(id, { unit, status, q: q || undefined, after: pageParam, limit: PAGE }, signal),
      );
      await saveReferences(page.items.map((d) => [`ledger.door.${d.key}`, d]));
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
    networkMode: 'always',
  });
  // doors whose visit waits in the phone's queue
  const waiting = new Set(
    useQueuedWrites()
      .filter((w) => w.kind === 'screening.visit' && w.state === 'pending')
      .map((w) => (w.body as { householdKey?: string } | undefined)?.householdKey),
  );
  // a visit sent from the queue: the doors and the progress are asked for again
  const waitingKey = [...waiting].sort().join(' ');
  const queryClient = useQueryClient();
  const seenWaiting = useRef(waitingKey);
  useEffect(() => {
    if (seenWaiting.current === waitingKey) return;
    seenWaiting.current = waitingKey;
    void queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
  }, [waitingKey, queryClient]);
  const doors = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingBottom: 24 }}>
      <NavBar
        onBack={() => void navigate('/field/screening')}
        right={<Link to="/field">{t('nav.home')}</Link>}
      >
        {campaign?.name ?? t('fieldScreening.title')}
      </NavBar>
      {progress.data && <FieldProgress tally={progress.data} />}
      <div style={{ padding: '8px 12px', background: '#fff', marginTop: 8 }}>
        <Selector<Filter>
          columns={4}
          showCheckMark={false}
          value={[filter]}
          onChange={(v) => {
            if (v[0]) setParam('status', v[0]);
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`field-filter-${f}`}>{t(`fieldScreening.filter.${f}`)}</span>,
          }))}
        />
      </div>
      <div
        style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '0 12px 8px', background: '#fff' }}
      >
        <div style={{ flex: 1 }} data-testid="field-door-search">
          <SearchBar
            placeholder={t('find.doors.search')}
            value={text}
            onChange={setText}
            onClear={() => setText('')}
          />
        </div>
        <FieldBuildingJump campaignId={id} current={unit} onPick={(code) => setParam('unit', code)} />
      </div>
      {query.isError && <ErrorBlock status="default" title={errorText(query.error)} description="" />}
      {query.isSuccess && doors.length === 0 && !q && (
        <ErrorBlock status="empty" title={t(`fieldScreening.noDoors.${filter}`)} description="" />
      )}
      {query.isSuccess && doors.length === 0 && q && (
        <ErrorBlock
          status="empty"
          title={t('find.doors.noMatch', { q })}
          description={
            filter !== 'all' && (
              <Button size="small" onClick={() => setParam('status', 'all')} data-testid="field-search-all">
                {t('find.doors.searchAll')}
              </Button>
            )
          }
        />
      )}
      <div data-testid="field-doors">
        {groups(doors).map((g) => (
          <List key={g.code} header={g.name} data-testid={`field-building-${g.code}`}>
            {g.doors.map((d) => {
              const info = COLOURS[d.colour];
              const st = d.visit?.status ?? 'pending';
              const names = d.residents
                .filter((r) => r.status === 'present' || r.status === 'away')
                .map((r) => r.name);
              return (
                <List.Item
                  key={d.key}
                  data-testid={`field-door-${d.key}`}
                  data-colour={d.colour}
                  data-status={st}
                  style={{ minHeight: 64 }}
                  prefix={
                    <span
                      aria-hidden
                      style={{
                        display: 'inline-block',
                        width: 22,
                        height: 40,
                        borderRadius: 4,
                        background: info.fill,
                        border: `1px solid ${info.border}`,
                      }}
                    />
                  }
                  description={
                    <span>
                      {joinList(names) || t('ledger.emptyHousehold')} <MarkerSymbols markers={d.markers} />
                    </span>
                  }
                  extra={
                    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                      {hasPhones(d) && <PhonesButton door={d} onOpen={() => setPhones(d)} />}
                      {waiting.has(d.key) ? (
                        <Tag color="warning" data-testid={`field-door-queued-${d.key}`}>
                          {t('fieldOffline.pendingDoor')}
                        </Tag>
                      ) : (
                        <Tag color={STATUS_TAG[st]}>{t(`screening.status.${st}`)}</Tag>
                      )}
                    </span>
                  }
                  onClick={() => void navigate(`/field/screening/${id}/door/${d.key}`)}
                >
                  <span style={{ fontSize: 18, fontWeight: 600 }}>{doorText(d) || d.unit.name}</span>
                </List.Item>
              );
            })}
          </List>
        ))}
      </div>
      <PhonesSheet
        door={phones}
        title={phones ? [phones.unit.name, doorText(phones)].filter(Boolean).join(' ') : ''}
        onClose={() => setPhones(null)}
      />
      <InfiniteScroll
        hasMore={query.isPending || !!query.hasNextPage}
        loadMore={async () => {
          if (query.hasNextPage) await query.fetchNextPage();
        }}
      />
    </div>
  );
}
