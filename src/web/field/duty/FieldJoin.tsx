import {
  Button,
  DotLoading,
  ErrorBlock,
  Form,
  Input,
  List,
  NavBar,
  Result,
  Selector,
  Tag,
} from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SKILLS } from '../../../domain/forces/schedule';
import { ApiError } from '../../http/client';
import {
  type CodeAnswer,
  type SignupAnswer,
  type Skill,
  sendSignupCode,
  signUp,
  usePublicCallup,
} from '../../http/duty';
import { errorText } from '../../http/errors';
import { joinList, paren } from '../../i18n/punctuation';
import { shiftLabel } from '../../modules/duty/presetText';
import { newClientId } from '../../modules/ledger/common/uuid';
import { FieldLangSwitch } from '../FieldLangSwitch';

interface Values {
  name: string;
  phone: string;
  idNumber?: string;
  skills?: Skill[];
  parts?: Array<'day' | 'night'>;
  station?: string[];
  code: string;
}

/**
 * The public sign-up page of a call-up (招募令), reached by its QR code or link: no login, Chinese first.
 * One client-made id per filled form, so a retried submission is the same sign-up (DESIGN rule 4).
 */
export function FieldJoin() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const callup = usePublicCallup(token);
  const [form] = Form.useForm<Values>();
  const clientId = useRef(newClientId());
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SignupAnswer | null>(null);
  // the code sent to the phone (the proof of a person), and the seconds before another may be asked
  const [sent, setSent] = useState<CodeAnswer | null>(null);
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  if (callup.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center', fontSize: 24 }}>
        <DotLoading color="primary" />
      </div>
    );
  if (callup.isError || !callup.data)
    return <ErrorBlock status="empty" title={t('duty.join.closed')} description="" fullPage />;
  const c = callup.data;

  /** Errors naming fields of the form go on them; any other is shown below the form. */
  const showError = (err: unknown) => {
    if (err instanceof ApiError && err.fields.length) {
      const known = new Set(['name', 'phone', 'idNumber', 'facilityId', 'code']);
      const fields = err.fields.filter((f) => known.has(f.path.split('.')[0]));
      form.setFields(
        fields.map((f) => ({
          name: f.path === 'facilityId' ? 'station' : f.path.split('.')[0],
          errors: [f.message],
        })),
      );
      if (!fields.length) setError(errorText(err));
    } else setError(errorText(err));
  };

  const askCode = async () => {
    const phone = (form.getFieldValue('phone') as string | undefined)?.trim();
    if (!phone) {
      form.setFields([{ name: 'phone', errors: [t('duty.join.phoneFirst')] }]);
      return;
    }
    setError(null);
    form.setFields([{ name: 'phone', errors: [] }]);
    try {
      const answer = await sendSignupCode(token, phone);
      setSent(answer);
      setWait(answer.resendInSeconds);
    } catch (err) {
      showError(err);
    }
  };

  const submit = async (v: Values) => {
    setSending(true);
    setError(null);
    try {
      const answer = await signUp(token, {
        clientId: clientId.current,
        name: v.name,
        phone: v.phone,
        idNumber: v.idNumber || null,
        skills: v.skills ?? [],
        availability: v.parts?.length ? { parts: v.parts } : undefined,
        facilityId: v.station?.[0] || null,
        code: v.code,
      });
      setDone(answer);
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
    }
  };

  if (done)
    return (
      <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="join-done">
        <NavBar back={null} style={{ background: '#c62828', color: '#fff' }}>
          {c.title}
        </NavBar>
        {done.waitlist !== null ? (
          // a pending sign-up beyond the places left: on the station's waiting list (候补)
          <Result
            status="waiting"
            title={done.again ? t('duty.join.doneAgain') : t('duty.join.waitlistTitle')}
            description={
              <div data-testid="join-waitlist">
                {t('duty.join.waitlistStation', { station: done.facility ?? '', n: done.waitlist })}
                {t('duty.join.waitlistNext')}
              </div>
            }
          />
        ) : (
          <Result
            status="success"
            title={done.again ? t('duty.join.doneAgain') : t('duty.join.doneTitle')}
            description={done.facility ? t('duty.join.doneStation', { station: done.facility }) : undefined}
          />
        )}
        <List>
          {(['next1', 'next2', 'next3', 'next4'] as const).map((k, i) => (
            <List.Item key={k} prefix={<Tag color="danger">{i + 1}</Tag>}>
              {t(`duty.join.${k}`)}
            </List.Item>
          ))}
        </List>
      </div>
    );

  const full = c.next === 'full';
  /** 剩余名额 n / N, with 报名将候补 when the pending sign-ups already cover them; 名额已满 when approvals do */
  const placesLeft = (n: number, capacity: number, next: typeof c.next) =>
    next === 'full' ? (
      <Tag color="danger">{t('duty.join.full')}</Tag>
    ) : (
      <>
        {t('duty.join.remaining', { n, capacity })}
        {next === 'waitlist' && (
          <Tag color="warning" style={{ marginLeft: 4 }}>
            {t('duty.join.waitlistShort')}
          </Tag>
        )}
      </>
    );
  const ages = c.requirements.minAge || c.requirements.maxAge;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingBottom: 32 }}>
      <NavBar back={null} style={{ background: '#c62828', color: '#fff' }} right={<FieldLangSwitch />}>
        {c.unit}
      </NavBar>
      <div style={{ padding: 16, background: '#fff' }}>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="join-title">
          {c.title}
        </div>
        {c.description && <p style={{ color: '#555', margin: '8px 0 0' }}>{c.description}</p>}
      </div>
      <List>
        <List.Item extra={c.endsOn ? `${c.startsOn} ~ ${c.endsOn}` : `${c.startsOn} ~`}>
          {t('duty.join.period')}
        </List.Item>
        <List.Item extra={joinList(c.shifts.map((s) => `${shiftLabel(s.label)} ${s.start}–${s.end}`))}>
          {t('duty.join.shifts')}
        </List.Item>
        {/* places left per station and in total: only approvals take them (剩余名额) */}
        {c.places.map((p) => (
          <List.Item
            key={p.facilityId}
            description={p.address ?? undefined}
            extra={
              <span data-testid={`join-place-${p.facilityId}`}>
                {placesLeft(p.remaining, p.needed, p.next)}
              </span>
            }
          >
            {p.name}
          </List.Item>
        ))}
        {c.places.length > 1 && (
          <List.Item
            extra={<span data-testid="join-remaining">{placesLeft(c.remaining, c.capacity, c.next)}</span>}
          >
            {t('duty.join.total')}
          </List.Item>
        )}
        {c.next === 'waitlist' && (
          <List.Item>
            <span style={{ color: '#d46b08' }} data-testid="join-waitlist-hint">
              {t('duty.join.waitlistHint', { pending: c.pending })}
            </span>
          </List.Item>
        )}
        {(ages || c.requirements.notes || c.requirements.skills?.length) && (
          <List.Item
            description={[
              ages
                ? t('duty.join.ages', { min: c.requirements.minAge ?? '', max: c.requirements.maxAge ?? '' })
                : '',
              joinList((c.requirements.skills ?? []).map((s) => t(`duty.qualification.${s}`))),
              c.requirements.notes ?? '',
            ]
              .filter(Boolean)
              .join('；')}
          >
            {t('duty.join.requirements')}
          </List.Item>
        )}
      </List>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        mode="card"
        style={{ marginTop: 12 }}
        footer={
          <Button
            block
            type="submit"
            color="danger"
            size="large"
            loading={sending}
            disabled={full}
            data-testid="join-submit"
          >
            {t('duty.join.submit')}
          </Button>
        }
      >
        <Form.Header>{t('duty.join.form')}</Form.Header>
        <Form.Item
          name="name"
          label={t('duty.join.name')}
          rules={[{ required: true, message: t('duty.join.required', { field: t('duty.join.name') }) }]}
        >
          <Input placeholder={t('duty.join.namePlaceholder')} maxLength={30} data-testid="join-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('duty.join.phone')}
          rules={[{ required: true, message: t('duty.join.required', { field: t('duty.join.phone') }) }]}
        >
          <Input
            type="tel"
            placeholder={t('duty.join.phonePlaceholder')}
            maxLength={20}
            data-testid="join-phone"
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('duty.join.code')}
          rules={[{ required: true, message: t('duty.join.required', { field: t('duty.join.code') }) }]}
          extra={
            <Button
              size="small"
              color="primary"
              fill="outline"
              disabled={wait > 0 || full}
              onClick={() => void askCode()}
              data-testid="join-send-code"
            >
              {wait > 0 ? t('duty.join.resendIn', { s: wait }) : t('duty.join.sendCode')}
            </Button>
          }
          description={
            sent && (
              <span data-testid="join-code-sent">
                {t('duty.join.codeSent', { to: sent.sentTo })}
                {sent.devCode && (
                  <>
                    <br />
                    <span style={{ color: '#d46b08' }} data-testid="join-dev-code">
                      {t('duty.join.devCode', { code: sent.devCode })}
                    </span>
                  </>
                )}
              </span>
            )
          }
        >
          <Input
            type="tel"
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('duty.join.codePlaceholder')}
            maxLength={6}
            data-testid="join-code"
          />
        </Form.Item>
        <Form.Item name="idNumber" label={t('duty.join.idNumber')}>
          <Input maxLength={20} data-testid="join-id" />
        </Form.Item>
        <Form.Item name="skills" label={t('duty.join.skills')}>
          <Selector
            multiple
            columns={3}
            options={SKILLS.map((s) => ({ value: s, label: t(`duty.qualification.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="parts" label={t('duty.join.parts')}>
          <Selector
            multiple
            columns={2}
            options={[
              { value: 'day', label: t('duty.join.day') },
              { value: 'night', label: t('duty.join.night') },
            ]}
          />
        </Form.Item>
        {c.places.length > 1 && (
          <Form.Item name="station" label={t('duty.join.station')}>
            <Selector
              columns={1}
              options={c.places.map((p) => ({
                value: p.facilityId,
                label: `${p.name}${paren(
                  (p.next === 'full'
                    ? t('duty.join.full')
                    : t('duty.join.remaining', { n: p.remaining, capacity: p.needed })) +
                    (p.next === 'waitlist' ? ` · ${t('duty.join.waitlistShort')}` : ''),
                )}`,
                disabled: p.next === 'full',
              }))}
            />
          </Form.Item>
        )}
      </Form>
      {error && (
        <div style={{ margin: 12, color: '#c62828' }} role="alert" data-testid="join-error">
          {error}
        </div>
      )}
    </div>
  );
}
