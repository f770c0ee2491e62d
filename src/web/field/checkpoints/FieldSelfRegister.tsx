import { QRCode } from 'antd';
import { Button, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { addDays } from '../../../domain/forces/duty';
import {
  type Direction,
  postRegistration,
  type RegistrationAnswer,
  usePublicCheckpoint,
  VEHICLE_KINDS,
} from '../../http/checkpoints';
import { errorText } from '../../http/errors';
import { newClientId } from '../../modules/ledger/common/uuid';
import { formatClock, formatDay } from '../../shell/dates';
import { FieldLangSwitch } from '../FieldLangSwitch';
import { PeopleEditor } from './PeopleEditor';
import { PlateKeyboard } from './PlateKeyboard';
import { draftProblems, newPerson, type PassageDraft, type Problem, passageBody } from './passageDraft';

const section: React.CSSProperties = { background: '#fff', margin: '8px 0', padding: 12 };
const pick = (on: boolean): React.CSSProperties => ({
  height: 48,
  fontSize: 18,
  borderRadius: 8,
  border: '2px solid #c62828',
  background: on ? '#c62828' : '#fff',
  color: on ? '#fff' : '#c62828',
});

/**
 * 扫码登记: a checkpoint's public page (no login), reached by the QR code on the board at the lane. The
 * traveller fills in the vehicle and everyone in it before reaching the lane and gets a short code and
 * its QR code to show there. One client-made id per filled form: a retried submission is the same code.
 */
export function FieldSelfRegister() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const checkpoint = usePublicCheckpoint(token);
  const clientId = useRef(newClientId());
  const [draft, setDraft] = useState<PassageDraft>(() => ({
    direction: 'in',
    onFoot: false,
    plate: '',
    vehicleKind: 'car',
    people: [newPerson(1)],
    steps: [],
  }));
  const [plateOpen, setPlateOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RegistrationAnswer | null>(null);
  const today = formatDay(Date.now());

  if (checkpoint.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <DotLoading color="primary" />
      </div>
    );
  if (checkpoint.isError || !checkpoint.data)
    return <ErrorBlock status="empty" title={t('checkpoints.public.unknown')} description="" fullPage />;
  const c = checkpoint.data;
  const set = (patch: Partial<PassageDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems: Problem[] = tried ? draftProblems(draft) : [];

  const submit = async () => {
    setTried(true);
    if (draftProblems(draft).length) return;
    setSending(true);
    setError(null);
    try {
      const body = passageBody(draft, { clientId: clientId.current, facilityId: '0', outcome: 'released' });
      setDone(
        await postRegistration(token, {
          clientId: body.clientId,
          direction: body.direction,
          vehicle: body.vehicle,
          people: body.people,
        }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSending(false);
    }
  };

  const header = (
    <>
      <NavBar back={null} style={{ background: '#c62828', color: '#fff' }} right={<FieldLangSwitch />}>
        {t('checkpoints.public.title')}
      </NavBar>
      <div style={{ padding: 16, background: '#fff' }}>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="register-checkpoint">
          {c.name}
        </div>
        {c.address && <div style={{ color: '#666' }}>{c.address}</div>}
      </div>
    </>
  );

  if (done)
    return (
      <div
        style={{ minHeight: '100vh', background: '#f5f5f5', textAlign: 'center' }}
        data-testid="register-done"
      >
        {header}
        <div style={{ padding: 16 }}>
          <div style={{ fontSize: 16, color: '#666' }}>{t('checkpoints.public.show')}</div>
          <div
            style={{
              fontSize: 56,
              fontWeight: 800,
              letterSpacing: 8,
              margin: '12px 0',
              fontFamily: 'monospace',
            }}
            data-testid="register-code"
          >
            {done.code}
          </div>
          <div style={{ display: 'inline-block', background: '#fff', padding: 8 }}>
            <QRCode value={done.code} size={220} data-testid="register-qr" />
          </div>
          <div style={{ color: '#666', marginTop: 12 }}>
            {t('checkpoints.public.expires', {
              at: formatClock(done.expiresAt),
            })}
          </div>
        </div>
      </div>
    );

  return (
    <div style={{ minHeight: '100vh', background: '#f0f0f0', paddingBottom: 32 }}>
      {header}
      <div style={{ ...section, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {(['in', 'out'] as Direction[]).map((d) => (
          <button
            key={d}
            type="button"
            style={pick(draft.direction === d)}
            onClick={() => set({ direction: d })}
            data-testid={`register-direction-${d}`}
          >
            {t(`checkpoints.direction.${d}`)}
          </button>
        ))}
      </div>
      <div style={section}>
        <div style={{ display: 'flex', gap: 8 }}>
          <button
            type="button"
            onClick={() => {
              set({ onFoot: false });
              setPlateOpen(true);
            }}
            data-testid="register-plate"
            style={{
              flex: 1,
              height: 52,
              fontSize: 24,
              fontWeight: 700,
              borderRadius: 8,
              border: '2px solid #1677ff',
              background: draft.onFoot ? '#eee' : '#e6f4ff',
            }}
          >
            {draft.onFoot
              ? t('checkpoints.field.onFoot')
              : draft.plate || t('checkpoints.field.platePlaceholder')}
          </button>
          <Button onClick={() => set({ onFoot: !draft.onFoot, plate: '' })}>
            {draft.onFoot ? t('checkpoints.field.vehicle') : t('checkpoints.field.onFoot')}
          </Button>
        </div>
        {!draft.onFoot && plateOpen && (
          <div style={{ marginTop: 8 }}>
            <PlateKeyboard
              value={draft.plate}
              onChange={(plate) => set({ plate })}
              onDone={() => setPlateOpen(false)}
            />
          </div>
        )}
        {!draft.onFoot && (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 4, marginTop: 8 }}>
            {VEHICLE_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                onClick={() => set({ vehicleKind: k })}
                style={{ ...pick(draft.vehicleKind === k), height: 40, fontSize: 14 }}
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
        windowDays={c.windowDays}
        min={addDays(today, -(c.windowDays + 7))}
        max={today}
        publicPage
      />
      <div style={{ padding: '0 12px' }}>
        <Button
          block
          color="danger"
          size="large"
          style={{ marginTop: 16 }}
          loading={sending}
          onClick={() => void submit()}
          data-testid="register-submit"
        >
          {t('checkpoints.public.submit')}
        </Button>
        {error && (
          <div role="alert" style={{ color: '#cf1322', marginTop: 8 }} data-testid="register-error">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
