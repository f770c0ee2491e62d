import { Button, DotLoading, ErrorBlock, NavBar, Picker, Popup, Result, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { addDays } from '../../../domain/forces/duty';
import { validatePlate } from '../../../domain/validators/plate';
import {
  getRegistration,
  OUTCOMES,
  type Outcome,
  type PassageAnswer,
  type Step,
  useCheckpointFacility,
  useCheckpointReference,
  VEHICLE_KINDS,
} from '../../http/checkpoints';
import { ApiError } from '../../http/client';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import { newClientId } from '../../modules/ledger/common/uuid';
import { formatDay } from '../../shell/dates';
import { FieldInput } from '../FieldInput';
import { CodeScanner } from '../scan/CodeScanner';
import { lastDirection, recentPlates, rememberDestination, rememberDirection, rememberPlate } from './memory';
import { PeopleEditor } from './PeopleEditor';
import { PlateKeyboard } from './PlateKeyboard';
import { submitPassage } from './passageApi';
import {
  draftFromRegistration,
  draftProblems,
  newDraft,
  type PassageDraft,
  type Problem,
  passageBody,
} from './passageDraft';

const section: React.CSSProperties = { background: '#fff', margin: '8px 0', padding: 12 };
const bigButton = (active: boolean, colour = '#c62828'): React.CSSProperties => ({
  height: 56,
  fontSize: 22,
  fontWeight: 700,
  borderRadius: 8,
  border: `2px solid ${colour}`,
  background: active ? colour : '#fff',
  color: active ? '#fff' : colour,
});
const OUTCOME_COLOURS: Record<Outcome, string> = {
  released: '#389e0d',
  persuaded_back: '#d46b08',
  handed_over: '#1677ff',
  transferred: '#cf1322',
};

/**
 * A checkpoint's own page on the phone, for the worker at the lane: direction, plate (its own keyboard,
 * provinces first), vehicle kind, the people, the station's steps with one "all done" tap, and the
 * outcome as the last tap, which sends the passage. A traveller's self-registration is fetched by its
 * short code and fills the form: measure the temperatures, tick the steps, release.
 */
export function FieldCheckpoint() {
  const { facilityId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const facility = useCheckpointFacility(facilityId);
  const reference = useCheckpointReference();
  const clock = usePlatformClock();
  const [draft, setDraft] = useState<PassageDraft>(() => newDraft(lastDirection()));
  // made when the form opens and kept until the server answers: a retry is the same passage
  const clientId = useRef(newClientId());
  const [plateOpen, setPlateOpen] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PassageAnswer | 'queued' | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [scanOpen, setScanOpen] = useState(false);

  if (facility.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <DotLoading color="primary" />
      </div>
    );
  if (facility.isError || !facility.data)
    return <ErrorBlock status="empty" title={errorText(facility.error)} description="" fullPage />;
  const f = facility.data;
  const steps: Step[] = f.steps;
  const windowDays = reference.data?.windowDays ?? 14;
  const threshold = reference.data?.feverThresholdC ?? 37.3;
  const today = clock.data?.today ?? formatDay(Date.now());
  const min = addDays(today, -(windowDays + 7));
  const problems: Problem[] = tried ? draftProblems(draft) : [];
  const set = (patch: Partial<PassageDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const plateCheck = draft.plate ? validatePlate(draft.plate) : null;

  const reset = () => {
    clientId.current = newClientId();
    setDraft(newDraft(draft.direction));
    setTried(false);
    setError(null);
    setDone(null);
    setCode('');
  };

  const fetchCode = async (scanned?: string) => {
    const c = (scanned ?? code).trim().toUpperCase();
    if (!c) return;
    setCodeError(null);
    try {
      const reg = await getRegistration(c, f.id);
      setDraft(draftFromRegistration(reg, draft.direction));
      setTried(false);
    } catch (err) {
      setCodeError(
        err instanceof ApiError && err.status === 404 ? t('checkpoints.field.codeUnknown') : errorText(err),
      );
    }
  };

  const send = async (outcome: Outcome, transferFacilityId?: string) => {
    setTried(true);
    if (draftProblems(draft).length) {
      Toast.show({ content: t('checkpoints.field.fixFirst') });
      return;
    }
    setSending(true);
    setError(null);
    try {
      const plate = !draft.onFoot && draft.plate ? draft.plate.trim() : '';
      const label = t('fieldOffline.passageLabel', {
        what: [
          plate || t('checkpoints.field.onFootShort'),
          t('checkpoints.field.peopleShort', { n: draft.people.length }),
        ]
          .filter(Boolean)
          .join('，'),
      });
      const answer = await submitPassage(
        passageBody(draft, { clientId: clientId.current, facilityId: f.id, outcome, transferFacilityId }),
        label,
      );
      if (answer.state === 'refused') {
        setError(answer.message);
        return;
      }
      if (plate) rememberPlate(plate);
      for (const p of draft.people) if (p.destination) rememberDestination(p.destination);
      rememberDirection(draft.direction);
      setDone(answer.state === 'sent' ? answer.passage : 'queued');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSending(false);
    }
  };

  if (done)
    return (
      <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="passage-done">
        <NavBar back={null} style={{ background: '#c62828', color: '#fff' }}>
          {f.name}
        </NavBar>
        {done === 'queued' ? (
          <Result
            status="waiting"
            title={t('fieldOffline.queuedTitle')}
            description={<div data-testid="passage-done-text">{t('fieldOffline.queued')}</div>}
          />
        ) : (
          <Result
            status={done.fever || done.fromKeyArea ? 'warning' : 'success'}
            title={t(`checkpoints.outcome.${done.outcome}`)}
            description={
              <div data-testid="passage-done-text">
                {t('checkpoints.field.doneText', { n: done.people.length })}
                {done.fromKeyArea && (
                  <div style={{ color: '#cf1322', fontWeight: 700 }}>{t('checkpoints.field.keyArea')}</div>
                )}
                {done.fever && (
                  <div style={{ color: '#cf1322', fontWeight: 700 }}>{t('checkpoints.field.feverShort')}</div>
                )}
                {done.people.some((p) => p.handoverId) && (
                  <div data-testid="passage-handed">{t('checkpoints.field.handedOver')}</div>
                )}
              </div>
            }
          />
        )}
        <div style={{ padding: 16 }}>
          <Button block color="danger" size="large" onClick={reset} data-testid="passage-next">
            {t('checkpoints.field.next')}
          </Button>
        </div>
      </div>
    );

  const allDone = steps.length > 0 && steps.every((s) => draft.steps.includes(s));
  return (
    <div
      style={{ minHeight: '100vh', background: '#f0f0f0', paddingBottom: 24 }}
      data-testid="checkpoint-form"
    >
      <NavBar
        onBack={() => void navigate('/field/checkpoints')}
        style={{ background: '#c62828', color: '#fff' }}
      >
        <span data-testid="checkpoint-name">{f.name}</span>
      </NavBar>
      {f.shift && (
        <div style={{ padding: '4px 12px', color: '#666' }}>
          {t('checkpoints.field.shift', { name: f.shift.name })}
        </div>
      )}

      {/* a traveller's self-registration: its short code */}
      <div style={section}>
        <div style={{ display: 'flex', gap: 8 }}>
          <div style={{ flex: 1, border: '1px solid #d9d9d9', borderRadius: 6, padding: '4px 8px' }}>
            <FieldInput
              value={code}
              onChange={(v) => setCode(v.toUpperCase())}
              placeholder={t('checkpoints.field.codePlaceholder')}
              maxLength={6}
              testId="registration-code"
              style={{ '--font-size': '22px', letterSpacing: 4 } as React.CSSProperties}
              onEnterPress={() => void fetchCode()}
            />
          </div>
          <Button
            color="primary"
            size="large"
            onClick={() => void fetchCode()}
            data-testid="registration-fetch"
          >
            {t('checkpoints.field.fetch')}
          </Button>
          <Button size="large" onClick={() => setScanOpen(true)} data-testid="registration-scan">
            {t('checkpoints.field.scan')}
          </Button>
        </div>
        <Popup
          visible={scanOpen}
          onMaskClick={() => setScanOpen(false)}
          destroyOnClose
          bodyStyle={{ padding: 12 }}
        >
          {/* the traveller's QR code holds the short code */}
          <CodeScanner
            testId="registration-scanner"
            onCode={(text) => {
              setScanOpen(false);
              setCode(text.toUpperCase());
              void fetchCode(text);
            }}
          />
        </Popup>
        {codeError && (
          <div style={{ color: '#cf1322', marginTop: 4 }} data-testid="registration-error">
            {codeError}
          </div>
        )}
        {draft.registrationCode && (
          <div style={{ color: '#389e0d', marginTop: 4 }} data-testid="registration-loaded">
            {t('checkpoints.field.loaded', { code: draft.registrationCode })}
          </div>
        )}
      </div>

      <div style={{ ...section, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {(['in', 'out'] as const).map((d) => (
          <button
            key={d}
            type="button"
            style={bigButton(draft.direction === d)}
            onClick={() => set({ direction: d })}
            data-testid={`direction-${d}`}
          >
            {t(`checkpoints.direction.${d}`)}
          </button>
        ))}
      </div>

      <div style={section}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <button
            type="button"
            onClick={() => {
              set({ onFoot: false });
              setPlateOpen(true);
            }}
            data-testid="plate"
            style={{
              flex: 1,
              height: 56,
              fontSize: 28,
              letterSpacing: 3,
              fontWeight: 700,
              borderRadius: 8,
              border: `2px solid ${problems.some((p) => p.what === 'plate') ? '#cf1322' : '#1677ff'}`,
              background: draft.onFoot ? '#eee' : '#e6f4ff',
              color: '#0b3d91',
            }}
          >
            {draft.onFoot
              ? t('checkpoints.field.onFoot')
              : draft.plate || t('checkpoints.field.platePlaceholder')}
          </button>
          <Button onClick={() => set({ onFoot: !draft.onFoot, plate: '' })} data-testid="on-foot">
            {draft.onFoot ? t('checkpoints.field.vehicle') : t('checkpoints.field.onFoot')}
          </Button>
        </div>
        {plateCheck && !plateCheck.ok && (
          <div style={{ color: '#d46b08', marginTop: 4 }} data-testid="plate-warning">
            {t('checkpoints.field.plateOdd')}
          </div>
        )}
        {!draft.onFoot && plateOpen && (
          <div style={{ marginTop: 8 }}>
            <PlateKeyboard
              value={draft.plate}
              onChange={(plate) => set({ plate })}
              onDone={() => setPlateOpen(false)}
            />
          </div>
        )}
        {!draft.onFoot && !draft.plate && recentPlates().length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 8 }}>
            {recentPlates().map((p) => (
              <Button
                key={p}
                size="small"
                onClick={() => set({ plate: p })}
                data-testid={`recent-plate-${p}`}
              >
                {p}
              </Button>
            ))}
          </div>
        )}
        {!draft.onFoot && (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 4, marginTop: 8 }}>
            {VEHICLE_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                onClick={() => set({ vehicleKind: k })}
                data-testid={`vehicle-${k}`}
                style={{ ...bigButton(draft.vehicleKind === k, '#1677ff'), height: 44, fontSize: 15 }}
              >
                {t(`checkpoints.vehicle.${k}`)}
              </button>
            ))}
          </div>
        )}
      </div>

      <PeopleEditor
        draft={draft}
        set={set}
        problems={problems}
        windowDays={windowDays}
        min={min}
        max={today}
        threshold={threshold}
      />

      {steps.length > 0 && (
        <div style={section} data-testid="steps">
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              marginBottom: 8,
            }}
          >
            <b style={{ fontSize: 16 }}>{t('checkpoints.field.steps')}</b>
            <Button
              color={allDone ? 'success' : 'primary'}
              size="large"
              onClick={() => set({ steps: allDone ? [] : [...steps] })}
              data-testid="steps-all"
            >
              {allDone ? t('checkpoints.field.stepsUndo') : t('checkpoints.field.stepsAll')}
            </Button>
          </div>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 6 }}>
            {steps.map((s, i) => {
              const on = draft.steps.includes(s);
              return (
                <button
                  key={s}
                  type="button"
                  data-testid={`step-${s}`}
                  data-done={on}
                  onClick={() =>
                    set({
                      steps: on
                        ? draft.steps.filter((x) => x !== s)
                        : steps.filter((x) => x === s || draft.steps.includes(x)),
                    })
                  }
                  style={{ ...bigButton(on, '#389e0d'), height: 48, fontSize: 17 }}
                >
                  {on ? '✓' : `${i + 1}.`}
                  {t(`checkpoints.step.${s}`)}
                </button>
              );
            })}
          </div>
        </div>
      )}

      <div style={section}>
        <div style={{ marginBottom: 8, color: '#666' }}>{t('checkpoints.field.outcomeHint')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {OUTCOMES.map((o) => (
            <button
              key={o}
              type="button"
              disabled={sending}
              onClick={() => (o === 'transferred' ? setTransferOpen(true) : void send(o))}
              data-testid={`outcome-${o}`}
              style={{ ...bigButton(o === 'released', OUTCOME_COLOURS[o]), height: 64 }}
            >
              {t(`checkpoints.outcome.${o}`)}
            </button>
          ))}
        </div>
        {error && (
          <div role="alert" style={{ color: '#cf1322', marginTop: 8 }} data-testid="passage-error">
            {error}
          </div>
        )}
      </div>
      <Picker
        visible={transferOpen}
        onClose={() => setTransferOpen(false)}
        title={t('checkpoints.field.transferTo')}
        columns={[(reference.data?.transferFacilities ?? []).map((x) => ({ label: x.name, value: x.id }))]}
        onConfirm={(v) => {
          if (v[0]) void send('transferred', String(v[0]));
        }}
      />
    </div>
  );
}
