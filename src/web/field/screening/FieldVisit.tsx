import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ErrorBlock,
  Input,
  NavBar,
  NoticeBar,
  Selector,
  Skeleton,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  DEFAULT_FEVER_THRESHOLD_C,
  DEFAULT_WINDOW_DAYS,
  SYMPTOMS,
  type Symptom,
} from '../../../domain/ledger/colours';
import { addDays } from '../../../domain/ledger/keyAreas';
import { RELATIONS } from '../../../domain/ledger/sheet/values';
import { ApiError } from '../../http/client';
import { errorText } from '../../http/errors';
import {
  getHousehold,
  type LedgerItem,
  ledgerKeys,
  type Resident,
  type VisitResult,
} from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { placeText, relationLabel, sexLabel, symptomLabel } from '../../modules/ledger/common/labels';
import { MarkerSymbols } from '../../modules/ledger/common/MarkerSymbols';
import { newClientId } from '../../modules/ledger/common/uuid';
import { fieldWrite } from '../offline/fieldQueue';
import { cachedReference, isUnreachable, peekReference } from '../offline/reference';
import { ContactsEditor } from './ContactsEditor';
import { useLedgerDayOffline } from './offlineData';
import { TravelEditor } from './TravelEditor';
import { VisitResultView } from './VisitResultView';
import {
  type DraftProblem,
  draftOf,
  draftProblems,
  type KeptDraft,
  keptDraftKey,
  keptDraftOf,
  type NewResidentDraft,
  type Presence,
  parseTemperature,
  type ResidentDraft,
  visitOf,
} from './visitDraft';

const PRESENCE: Presence[] = ['present', 'away', 'moved_out', 'deceased'];
const NEW_RELATIONS = RELATIONS.filter((r) =>
  ['spouse', 'son', 'daughter', 'father', 'mother', 'tenant', 'other'].includes(r),
);

const section: React.CSSProperties = { fontSize: 14, color: '#666', margin: '12px 0 6px' };
const bigInput: React.CSSProperties = {
  fontSize: 20,
  padding: '10px 8px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  width: 140,
  boxSizing: 'border-box',
};

function ResidentCard({
  resident,
  draft,
  onChange,
  threshold,
  minDate,
  today,
  windowDays,
  problems,
}: {
  resident: Resident;
  draft: ResidentDraft;
  onChange: (d: ResidentDraft) => void;
  threshold: number;
  minDate: string;
  today: string;
  windowDays: number;
  /** what keeps this resident's answers from being sent, once a send was tried */
  problems: readonly DraftProblem[];
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const k = resident.key;
  const temp = parseTemperature(draft.temperature);
  const here = draft.presence === 'present' || draft.presence === 'away';
  return (
    <div
      data-testid={`visit-resident-${k}`}
      style={{ background: '#fff', margin: '8px 0', padding: '12px 16px', borderRadius: 8 }}
    >
      <div style={{ fontSize: 18, fontWeight: 600 }}>
        {resident.name}{' '}
        <span style={{ fontSize: 14, fontWeight: 400, color: '#888' }}>
          {[relationLabel(resident.relation, resident.relationText, lang), sexLabel(resident.sex, lang)]
            .filter(Boolean)
            .join(' · ')}
        </span>{' '}
        <MarkerSymbols markers={resident.markers} />
      </div>
      <div style={{ marginTop: 8 }}>
        <Selector<Presence>
          columns={4}
          showCheckMark={false}
          value={[draft.presence]}
          onChange={(v) => v[0] && onChange({ ...draft, presence: v[0] })}
          options={PRESENCE.map((p) => ({
            value: p,
            label: <span data-testid={`visit-presence-${k}-${p}`}>{t(`fieldScreening.presence.${p}`)}</span>,
          }))}
        />
      </div>
      {here && (
        <>
          <div style={section}>{t('fieldScreening.temperature')}</div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <input
              type="number"
              inputMode="decimal"
              step="0.1"
              min={34}
              max={43}
              placeholder="36.5"
              value={draft.temperature}
              onChange={(e) => onChange({ ...draft, temperature: e.target.value })}
              data-testid={`visit-temp-${k}`}
              style={{
                ...bigInput,
                borderColor: temp !== undefined && temp >= threshold ? '#cf1322' : '#d9d9d9',
              }}
            />
            <span style={{ fontSize: 18 }}>°C</span>
          </div>
          {temp !== undefined && temp >= threshold && (
            <div style={{ color: '#cf1322', marginTop: 4 }} data-testid={`visit-fever-${k}`}>
              {t('fieldScreening.feverWarn', { t: threshold })}
            </div>
          )}
          <div style={section}>{t('fieldScreening.symptoms')}</div>
          <Selector<Symptom>
            multiple
            columns={3}
            value={draft.symptoms}
            onChange={(symptoms) => onChange({ ...draft, symptoms })}
            options={SYMPTOMS.map((s) => ({
              value: s,
              label: <span data-testid={`visit-symptom-${k}-${s}`}>{symptomLabel(s, lang)}</span>,
            }))}
          />
          <div style={section}>{t('fieldScreening.travel', { n: windowDays })}</div>
          <TravelEditor
            prefix={`visit-travel-${k}`}
            value={draft.travel}
            min={minDate}
            max={today}
            windowDays={windowDays}
            problems={problems.filter((p) => p.what === 'travel')}
            onChange={(travel) => onChange({ ...draft, travel })}
          />
          <div style={section}>{t('fieldScreening.contacts')}</div>
          <ContactsEditor
            prefix={`visit-contact-${k}`}
            value={draft.contacts}
            min={minDate}
            max={today}
            problems={problems.filter((p) => p.what === 'contact')}
            onChange={(contacts) => onChange({ ...draft, contacts })}
          />
        </>
      )}
    </div>
  );
}

function NewResidentCard({
  i,
  value,
  onChange,
  onRemove,
}: {
  i: number;
  value: NewResidentDraft;
  onChange: (v: NewResidentDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const field = { '--font-size': '17px' } as React.CSSProperties;
  return (
    <div
      data-testid={`visit-new-${i}`}
      style={{ background: '#fff', margin: '8px 0', padding: '12px 16px', borderRadius: 8 }}
    >
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{t('fieldScreening.newResident')}</div>
      <Input
        placeholder={t('resident.name')}
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        style={{ ...field, borderBottom: '1px solid #eee', padding: '8px 0' }}
        ref={(r) => r?.nativeElement?.setAttribute('data-testid', `visit-new-${i}-name`)}
      />
      <Selector<string>
        style={{ marginTop: 8 }}
        columns={2}
        showCheckMark={false}
        value={value.sex ? [value.sex] : []}
        onChange={(v) => onChange({ ...value, sex: v[0] ?? '' })}
        options={(['male', 'female'] as const).map((s) => ({ value: s, label: sexLabel(s, lang) }))}
      />
      <Selector<string>
        style={{ marginTop: 8 }}
        columns={4}
        showCheckMark={false}
        value={value.relation ? [value.relation] : []}
        onChange={(v) => onChange({ ...value, relation: v[0] ?? '' })}
        options={NEW_RELATIONS.map((r) => ({ value: r, label: relationLabel(r, null, lang) }))}
      />
      <Input
        placeholder={t('resident.idNumber')}
        value={value.idNumber}
        onChange={(idNumber) => onChange({ ...value, idNumber })}
        style={{ ...field, borderBottom: '1px solid #eee', padding: '8px 0' }}
        ref={(r) => r?.nativeElement?.setAttribute('data-testid', `visit-new-${i}-id`)}
      />
      <Input
        placeholder={t('resident.phone')}
        type="tel"
        value={value.phone}
        onChange={(phone) => onChange({ ...value, phone })}
        style={{ ...field, borderBottom: '1px solid #eee', padding: '8px 0' }}
        ref={(r) => r?.nativeElement?.setAttribute('data-testid', `visit-new-${i}-phone`)}
      />
      <Button size="mini" fill="none" color="danger" onClick={onRemove} style={{ marginTop: 4 }}>
        {t('fieldScreening.remove')}
      </Button>
    </div>
  );
}

/**
 * The household of a door: from the server, or kept on the phone (its own page opened before, or the
 * door as the campaign's list showed it) when the server cannot be reached.
 */
function useHouseholdOffline(key: string) {
  return useQuery({
    queryKey: ledgerKeys.household(key),
    queryFn: async ({ signal }): Promise<LedgerItem> => {
      try {
        return await cachedReference(`ledger.household.${key}`, () => getHousehold(key, signal));
      } catch (err) {
        const door = isUnreachable(err) ? await peekReference<LedgerItem>(`ledger.door.${key}`) : undefined;
        if (door) return door;
        throw err;
      }
    },
    enabled: !!key,
    networkMode: 'always',
  });
}

function VisitQueued({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="visit-queued" style={{ padding: 24, textAlign: 'center' }}>
      <div style={{ fontSize: 20, fontWeight: 600, margin: '24px 0 8px' }}>
        {t('fieldOffline.queuedTitle')}
      </div>
      <div style={{ color: '#666', marginBottom: 24 }}>{t('fieldOffline.queued')}</div>
      <Button
        block
        color="primary"
        size="large"
        onClick={() => void navigate(`/field/screening/${campaignId}`)}
        data-testid="visit-queued-back"
      >
        {t('fieldOffline.backToDoors')}
      </Button>
    </div>
  );
}

function VisitForm({ household, campaignId }: { household: LedgerItem; campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const day = useLedgerDayOffline();
  const living = useMemo(
    () => household.residents.filter((r) => r.status === 'present' || r.status === 'away'),
    [household.residents],
  );
  // the form as the phone kept it (a reload, a closed app), with its client UUID
  const storageKey = keptDraftKey(campaignId, household.key);
  const [kept] = useState<KeptDraft | undefined>(() => keptDraftOf(localStorage.getItem(storageKey), living));
  // one id per form, kept across reloads: a retried submission of the same answers is the same visit
  // (DESIGN rule 4)
  const [clientId] = useState(() => kept?.clientId ?? newClientId());
  const [drafts, setDrafts] = useState<ResidentDraft[]>(() => kept?.residents ?? living.map(draftOf));
  const [fresh, setFresh] = useState<NewResidentDraft[]>(() => kept?.newResidents ?? []);
  const [notes, setNotes] = useState(() => kept?.notes ?? '');
  const [result, setResult] = useState<VisitResult | 'queued' | null>(null);
  useEffect(() => {
    if (result) return;
    const draft: KeptDraft = { clientId, residents: drafts, newResidents: fresh, notes };
    try {
      localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // a full storage: the form still works, it is only not kept
    }
  }, [storageKey, clientId, drafts, fresh, notes, result]);
  // shown once the worker tried to send: an unfinished stay or contact is finished or removed, never dropped
  const [tried, setTried] = useState(false);
  const problems = tried ? draftProblems(drafts) : [];
  const mutation = useMutation({
    // through the phone's queue: sent now, or kept and sent when the network returns (offline/queue.ts)
    mutationFn: async (outcome: 'visited' | 'nobody_home') => {
      const place = placeText(household);
      const r = await fieldWrite({
        clientId,
        kind: 'screening.visit',
        label: t(outcome === 'visited' ? 'fieldOffline.visitLabel' : 'fieldOffline.nobodyHomeLabel', {
          place,
        }),
        url: '/api/ledger/visits',
        body: visitOf({ clientId, campaignId, householdKey: household.key }, outcome, drafts, fresh, notes),
      });
      if (r.state === 'refused')
        throw new ApiError(r.status, r.error.code, r.error.message, r.error.fields ?? []);
      return r.state === 'sent' ? (r.body as VisitResult) : ('queued' as const);
    },
    networkMode: 'always',
    onSuccess: async (res) => {
      localStorage.removeItem(storageKey);
      setResult(res);
      window.scrollTo(0, 0);
      if (res !== 'queued') await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    },
  });
  const today = day.data?.today;
  if (result === 'queued') return <VisitQueued campaignId={campaignId} />;
  if (result) return <VisitResultView result={result} campaignId={campaignId} householdKey={household.key} />;
  if (!today) return <Skeleton.Paragraph lineCount={5} animated />;
  const windowDays = day.data?.policy.windowDays ?? DEFAULT_WINDOW_DAYS;
  const threshold = day.data?.policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C;
  const minDate = addDays(today, -windowDays);
  const fieldErrors = mutation.error instanceof ApiError ? mutation.error.fields : [];
  return (
    <div data-testid="visit-form" style={{ padding: '0 8px 120px' }}>
      {mutation.isError && (
        <NoticeBar
          data-testid="visit-error"
          color="error"
          wrap
          content={
            <div>
              {errorText(mutation.error)}
              {fieldErrors.map((f) => (
                <div key={f.path}>{f.message}</div>
              ))}
            </div>
          }
        />
      )}
      {living.length === 0 && (
        <div style={{ padding: 16, color: '#888' }}>{t('fieldScreening.noResidents')}</div>
      )}
      {living.map((r, i) => (
        <ResidentCard
          key={r.key}
          resident={r}
          draft={drafts[i]}
          onChange={(d) => setDrafts((prev) => prev.map((x, j) => (j === i ? d : x)))}
          threshold={threshold}
          minDate={minDate}
          today={today}
          windowDays={windowDays}
          problems={problems.filter((p) => p.resident === i)}
        />
      ))}
      {fresh.map((n, i) => (
        <NewResidentCard
          key={n.id}
          i={i}
          value={n}
          onChange={(v) => setFresh((prev) => prev.map((x, j) => (j === i ? v : x)))}
          onRemove={() => setFresh((prev) => prev.filter((_, j) => j !== i))}
        />
      ))}
      <div style={{ padding: '8px 8px' }}>
        <Button
          block
          fill="outline"
          onClick={() =>
            setFresh((prev) => [
              ...prev,
              { id: Date.now(), name: '', sex: '', relation: '', idNumber: '', phone: '' },
            ])
          }
          data-testid="visit-add-new-resident"
        >
          + {t('fieldScreening.addNewResident')}
        </Button>
      </div>
      <div style={{ background: '#fff', padding: 12, borderRadius: 8, margin: '8px 0' }}>
        <div style={section}>{t('resident.notes')}</div>
        <TextArea
          value={notes}
          onChange={setNotes}
          maxLength={500}
          rows={2}
          placeholder={t('fieldScreening.notesPlaceholder')}
        />
      </div>
      <div
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          display: 'grid',
          gridTemplateColumns: '1fr 2fr',
          gap: 8,
          padding: '10px 12px calc(10px + env(safe-area-inset-bottom))',
          background: '#fff',
          boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
          zIndex: 10,
        }}
      >
        <Button
          size="large"
          color="warning"
          fill="outline"
          loading={mutation.isPending && mutation.variables === 'nobody_home'}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate('nobody_home')}
          data-testid="visit-nobody-home"
        >
          {t('fieldScreening.nobodyHome')}
        </Button>
        <Button
          size="large"
          color="primary"
          loading={mutation.isPending && mutation.variables === 'visited'}
          disabled={mutation.isPending}
          onClick={() => {
            setTried(true);
            if (draftProblems(drafts).length > 0) {
              Toast.show({ content: t('fieldScreening.unfinished'), position: 'top' });
              return;
            }
            mutation.mutate('visited');
          }}
          data-testid="visit-submit"
        >
          {t('fieldScreening.submit')}
        </Button>
      </div>
    </div>
  );
}

/** The door form: who lives here now, temperature, symptoms, where they have been, whom they met. */
export function FieldVisit() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', key = '' } = useParams();
  const query = useHouseholdOffline(key);
  const h = query.data?.key === key ? query.data : undefined;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar onBack={() => void navigate(`/field/screening/${id}`)}>
        {h ? placeText(h) : t('fieldScreening.door')}
      </NavBar>
      {query.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {query.isError && <ErrorBlock status="default" title={errorText(query.error)} description="" />}
      {h && <VisitForm key={h.key} household={h} campaignId={id} />}
    </div>
  );
}
