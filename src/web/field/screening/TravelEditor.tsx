import { Button, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { COMMON_PLACES } from '../../modules/ledger/common/places';
import { STAY_DATES } from '../../modules/ledger/common/stayDraft';
import { type DraftProblem, newTravelDraft, type StayDates, type TravelDraft } from './visitDraft';

const dateStyle: React.CSSProperties = {
  fontSize: 16,
  padding: '8px 6px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  width: '100%',
  boxSizing: 'border-box',
  background: '#fff',
};

/** The problem of a field, shown under it in red once the worker tried to send the visit. */
export function ProblemText({
  problem,
  testId,
  n,
}: {
  problem?: DraftProblem;
  testId: string;
  /** the window's days, for the messages that name it */
  n?: number;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }} data-testid={testId}>
      {t(
        problem.what === 'travel'
          ? `fieldScreening.problem.travel.${problem.field}`
          : `fieldScreening.problem.contact.${problem.field}`,
        { n },
      )}
    </div>
  );
}

/**
 * "近14天去过哪里": the stays of one resident. A place is chosen only by a tap; the days are typed, or
 * told as "近14天内" or "日期不详" (the server counts such a stay through the window). An unfinished stay
 * keeps the visit from being sent (see draftProblems), it is never dropped.
 */
export function TravelEditor({
  prefix,
  value,
  min,
  max,
  windowDays,
  problems,
  onChange,
}: {
  prefix: string;
  value: TravelDraft[];
  min: string;
  max: string;
  windowDays: number;
  /** this resident's problems with their stays, shown once a send was tried */
  problems: readonly DraftProblem[];
  onChange: (v: TravelDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TravelDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const problemOf = (i: number, fields: readonly DraftProblem['field'][]) =>
    problems.find((p) => p.index === i && fields.includes(p.field));
  return (
    <div>
      {value.map((s, i) => (
        <div
          key={s.id}
          data-testid={`${prefix}-${i}`}
          style={{
            border: `1px solid ${problemOf(i, ['place', 'code', 'dates', 'from']) ? '#ffa39e' : '#f0f0f0'}`,
            borderRadius: 8,
            padding: 8,
            marginBottom: 8,
            background: '#fafafa',
          }}
        >
          <Selector<string>
            columns={2}
            showCheckMark={false}
            value={s.place ? [s.place] : []}
            onChange={(v) => {
              const place = v[0];
              if (!place) return;
              const common = COMMON_PLACES.find((p) => p.code === place);
              set(i, { place, name: common ? t(`places.${common.key}`) : '' });
            }}
            options={[
              ...COMMON_PLACES.map((p) => ({
                value: p.code,
                label: <span data-testid={`${prefix}-${i}-place-${p.code}`}>{t(`places.${p.key}`)}</span>,
              })),
              {
                value: 'other',
                label: <span data-testid={`${prefix}-${i}-place-other`}>{t('places.other')}</span>,
              },
            ]}
          />
          <ProblemText problem={problemOf(i, ['place'])} testId={`${prefix}-${i}-problem-place`} />
          {s.place === 'other' && (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
              <input
                style={dateStyle}
                inputMode="numeric"
                placeholder={t('fieldScreening.placeCode')}
                value={s.code}
                onChange={(e) => set(i, { code: e.target.value })}
                data-testid={`${prefix}-${i}-code`}
              />
              <Input
                style={{ ...dateStyle, '--font-size': '16px' } as React.CSSProperties}
                placeholder={t('fieldScreening.placeName')}
                value={s.name}
                onChange={(name) => set(i, { name })}
              />
            </div>
          )}
          <ProblemText problem={problemOf(i, ['code'])} testId={`${prefix}-${i}-problem-code`} />
          <div style={{ marginTop: 8 }}>
            <Selector<StayDates>
              columns={3}
              showCheckMark={false}
              value={s.dates ? [s.dates] : []}
              onChange={(v) => v[0] && set(i, { dates: v[0] })}
              options={STAY_DATES.map((d) => ({
                value: d,
                label: (
                  <span data-testid={`${prefix}-${i}-dates-${d}`}>
                    {t(`fieldScreening.stayDates.${d}`, { n: windowDays })}
                  </span>
                ),
              }))}
            />
          </div>
          <ProblemText
            problem={problemOf(i, ['dates'])}
            testId={`${prefix}-${i}-problem-dates`}
            n={windowDays}
          />
          {s.dates === 'exact' && (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
              <label style={{ fontSize: 13, color: '#666' }}>
                {t('fieldScreening.from')}
                <input
                  type="date"
                  style={dateStyle}
                  min={min}
                  max={max}
                  value={s.from}
                  onChange={(e) =>
                    set(i, {
                      from: e.target.value,
                      to: s.to && s.to < e.target.value ? e.target.value : s.to,
                    })
                  }
                  data-testid={`${prefix}-${i}-from`}
                />
              </label>
              <label style={{ fontSize: 13, color: '#666' }}>
                {t('fieldScreening.to')}
                <input
                  type="date"
                  style={dateStyle}
                  min={s.from || min}
                  max={max}
                  value={s.to}
                  onChange={(e) => set(i, { to: e.target.value })}
                  data-testid={`${prefix}-${i}-to`}
                />
              </label>
            </div>
          )}
          <ProblemText problem={problemOf(i, ['from'])} testId={`${prefix}-${i}-problem-from`} />
          {s.dates !== '' && s.dates !== 'exact' && (
            <div style={{ fontSize: 13, color: '#ad6800', marginTop: 6 }}>
              {t('fieldScreening.undatedNote', { n: windowDays })}
            </div>
          )}
          <Button
            size="mini"
            fill="none"
            color="danger"
            style={{ marginTop: 4 }}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            data-testid={`${prefix}-${i}-remove`}
          >
            {t('fieldScreening.remove')}
          </Button>
        </div>
      ))}
      <Button
        size="small"
        color="primary"
        fill="outline"
        onClick={() => onChange([...value, newTravelDraft(Date.now() + value.length)])}
        data-testid={`${prefix}-add`}
      >
        + {t('fieldScreening.addTravel')}
      </Button>
    </div>
  );
}
