import { useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { HELP_KINDS, ITEM_KINDS, type ItemKind } from '../../../domain/care/items';
import { careKeys, postPublicRequest, usePublicHousehold } from '../../http/care';
import { ApiError } from '../../http/client';
import {
  askBody,
  askedCount,
  emptyGoods,
  type GoodsDraft,
  type IssuePlace,
  placeIssues,
} from '../../modules/care/askDraft';
import { useCareLabels } from '../../modules/care/useCareLabels';
import { newClientId } from '../../modules/ledger/common/uuid';
import { FieldLangSwitch } from '../FieldLangSwitch';
import { GoodsRow } from './GoodsRow';
import { PublicRequests } from './PublicRequests';

const section: React.CSSProperties = { background: '#fff', margin: '10px 0' };
const heading: React.CSSProperties = {
  fontSize: 19,
  fontWeight: 700,
  padding: '12px 12px 4px',
  color: '#333',
};
const toggle = (on: boolean): React.CSSProperties => ({
  minHeight: 56,
  fontSize: 19,
  borderRadius: 8,
  border: '2px solid #c62828',
  background: on ? '#c62828' : '#fff',
  color: on ? '#fff' : '#c62828',
});

/**
 * 扫码下单: a household's own page (no login), reached by the QR code on its door. Big and simple: the
 * goods with − and +, the help (送餐, 送书, 心理疏导 …), a note, 提交; then its own latest requests with
 * where they stand. One client id per filled form: a retry after a lost answer is the same request.
 */
export function FieldCareHousehold() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const labels = useCareLabels();
  const queryClient = useQueryClient();
  const page = usePublicHousehold(token);
  const [goods, setGoods] = useState<GoodsDraft>(emptyGoods);
  const [help, setHelp] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<Partial<Record<IssuePlace, string[]>>>({});
  const clientId = useRef(newClientId());

  if (page.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <DotLoading color="primary" />
      </div>
    );
  if (page.isError || !page.data)
    return (
      <ErrorBlock
        status="empty"
        fullPage
        title={
          <span data-testid="care-public-unknown">
            {page.error instanceof ApiError && page.error.status === 404
              ? t('care.public.unknown')
              : t('care.public.network')}
          </span>
        }
        description=""
      />
    );
  const h = page.data;
  const count = askedCount(goods, help);

  const submit = async () => {
    setProblem(null);
    setIssues({});
    if (count === 0) {
      setProblem(t('care.public.nothing'));
      return;
    }
    const { body, kinds } = askBody(goods, help, note, urgent);
    setSending(true);
    try {
      await postPublicRequest(token, { clientId: clientId.current, ...body });
      clientId.current = newClientId();
      setGoods(emptyGoods());
      setHelp([]);
      setNote('');
      setUrgent(false);
      Toast.show({ icon: 'success', content: t('care.public.done'), duration: 3000 });
      await queryClient.invalidateQueries({ queryKey: careKeys.publicPage(token) });
      document.getElementById('care-public-mine')?.scrollIntoView({ behavior: 'smooth' });
    } catch (err) {
      // the same client id stays for a retry: a request that did arrive is not made twice
      if (err instanceof ApiError && err.status !== 0 && err.status < 500) {
        const placed = placeIssues(err.fields, kinds);
        setIssues(placed);
        if (err.fields.length === 0 || placed.general) setProblem(placed.general?.join(' ') ?? err.message);
        else setProblem(t('care.public.fix'));
      } else setProblem(t('care.public.network'));
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f2f2f2', paddingBottom: 40 }} data-testid="care-public">
      <NavBar back={null} style={{ background: '#c62828', color: '#fff' }} right={<FieldLangSwitch />}>
        {t('care.public.title')}
      </NavBar>
      <div style={{ padding: 14, background: '#fff' }}>
        <div style={{ fontSize: 22, fontWeight: 700 }} data-testid="care-public-address">
          {h.address}
        </div>
        <div style={{ fontSize: 17, color: '#555', marginTop: 6 }}>{t('care.public.intro')}</div>
      </div>
      {!h.eligible && (
        <NoticeBar
          color="alert"
          wrap
          content={t('care.public.notEligible')}
          data-testid="care-public-not-eligible"
        />
      )}
      {h.eligible && (
        <>
          <div style={section}>
            <div style={heading}>{t('care.public.goods')}</div>
            {ITEM_KINDS.map((k: ItemKind) => (
              <GoodsRow
                key={k}
                kind={k}
                line={goods[k]}
                issues={issues[k]}
                onChange={(line) => setGoods((g) => ({ ...g, [k]: line }))}
              />
            ))}
          </div>
          <div style={section}>
            <div style={heading}>{t('care.public.help')}</div>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10, padding: 12 }}>
              {HELP_KINDS.map((k) => (
                <button
                  key={k}
                  type="button"
                  style={toggle(help.includes(k))}
                  onClick={() => setHelp((s) => (s.includes(k) ? s.filter((x) => x !== k) : [...s, k]))}
                  data-testid={`care-help-${k}`}
                >
                  {labels.help(k)}
                </button>
              ))}
            </div>
            {issues.help?.map((m) => (
              <div key={m} style={{ color: '#cf1322', padding: '0 12px 8px' }}>
                {m}
              </div>
            ))}
          </div>
          <div style={section}>
            <div style={heading}>{t('care.public.note')}</div>
            <div style={{ padding: '4px 12px 12px' }}>
              <TextArea
                value={note}
                onChange={setNote}
                maxLength={300}
                rows={2}
                placeholder={t('care.public.notePlaceholder')}
                style={{
                  '--font-size': '18px',
                  boxSizing: 'border-box',
                  border: '1px solid #d9d9d9',
                  borderRadius: 6,
                  padding: 8,
                }}
                data-testid="care-public-note"
              />
              {issues.note?.map((m) => (
                <div key={m} style={{ color: '#cf1322', marginTop: 6 }}>
                  {m}
                </div>
              ))}
              <button
                type="button"
                style={{ ...toggle(urgent), width: '100%', marginTop: 12 }}
                onClick={() => setUrgent((u) => !u)}
                data-testid="care-public-urgent"
              >
                {t('care.public.urgent')}
              </button>
            </div>
          </div>
          <div style={{ padding: '0 12px' }}>
            {problem && (
              <div
                style={{ color: '#cf1322', fontSize: 18, margin: '8px 0', fontWeight: 600 }}
                data-testid="care-public-problem"
              >
                {problem}
              </div>
            )}
            <Button
              block
              color="danger"
              size="large"
              loading={sending}
              loadingText={t('care.public.sending')}
              onClick={() => void submit()}
              style={{ height: 60, fontSize: 22, fontWeight: 700 }}
              data-testid="care-public-submit"
            >
              {count > 0 ? t('care.public.submitCount', { n: count }) : t('care.public.submit')}
            </Button>
            <div style={{ color: '#888', fontSize: 14, marginTop: 6 }}>
              {t('care.public.maxOpen', { n: h.maxOpen })}
            </div>
          </div>
        </>
      )}
      <div style={section} id="care-public-mine">
        <div style={heading}>{t('care.public.mine')}</div>
        <PublicRequests requests={h.requests} />
      </div>
    </div>
  );
}
