import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorBlock, InfiniteScroll, List, NavBar, Selector, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COLOURS } from '../../../domain/ledger/colours';
import { errorText } from '../../http/errors';
import {
  type Door,
  ledgerKeys,
  listDoors,
  useCampaigns,
  useProgress,
  type VisitStatus,
} from '../../http/ledger';
import { joinList } from '../../i18n/punctuation';
import { doorText } from '../../modules/ledger/common/labels';
import { MarkerSymbols } from '../../modules/ledger/common/MarkerSymbols';
import { useLedgerLive } from '../../modules/ledger/common/useLedgerLive';
import { FieldProgress } from './FieldProgress';

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
    else out.push({ code: d.unit.code, name: d.unit.name, doors: [d] });
  }
  return out;
}

/** The doors of a campaign in the worker's part of it, by building; pending first. */
export function FieldDoors() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filter = (FILTERS as string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as Filter)
    : 'pending';
  const status = filter === 'all' ? undefined : filter;
  const campaigns = useCampaigns();
  const campaign = campaigns.data?.items.find((c) => c.id === id);
  const progress = useProgress(id);
  useLedgerLive();
  const query = useInfiniteQuery({
    queryKey: ledgerKeys.doors(id, undefined, status),
    queryFn: ({ pageParam, signal }) => listDoors(id, { status, after: pageParam, limit: PAGE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
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
            if (!v[0]) return;
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('status', v[0]);
                return next;
              },
              { replace: true },
            );
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`field-filter-${f}`}>{t(`fieldScreening.filter.${f}`)}</span>,
          }))}
        />
      </div>
      {query.isError && <ErrorBlock status="default" title={errorText(query.error)} description="" />}
      {query.isSuccess && doors.length === 0 && (
        <ErrorBlock status="empty" title={t(`fieldScreening.noDoors.${filter}`)} description="" />
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
                  extra={<Tag color={STATUS_TAG[st]}>{t(`screening.status.${st}`)}</Tag>}
                  onClick={() => void navigate(`/field/screening/${id}/door/${d.key}`)}
                >
                  <span style={{ fontSize: 18, fontWeight: 600 }}>{doorText(d) || d.unit.name}</span>
                </List.Item>
              );
            })}
          </List>
        ))}
      </div>
      <InfiniteScroll
        hasMore={query.isPending || !!query.hasNextPage}
        loadMore={async () => {
          if (query.hasNextPage) await query.fetchNextPage();
        }}
      />
    </div>
  );
}
