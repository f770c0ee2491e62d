import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COLOURS } from '../../../domain/ledger/colours';
import { listDoors, useProgress, type VisitResult } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { colourName } from '../../modules/ledger/common/labels';
import { useColourMeaning } from '../../modules/ledger/common/useColourMeaning';
import { FieldProgress } from './FieldProgress';

/** After a visit: the household's colour now, big, and how many doors are left. */
export function VisitResultView({
  result,
  campaignId,
  householdKey,
}: {
  result: VisitResult;
  campaignId: string;
  householdKey: string;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const meaning = useColourMeaning();
  const navigate = useNavigate();
  const progress = useProgress(campaignId);
  const next = useQuery({
    queryKey: ['ledger', 'doors', campaignId, 'next', householdKey],
    queryFn: ({ signal }) => listDoors(campaignId, { status: 'pending', limit: 2 }, signal),
  });
  const nextDoor = next.data?.items.find((d) => d.key !== householdKey);
  const colour = result.colourAfter ?? 'white';
  const info = COLOURS[colour];
  const changed = result.colourBefore && result.colourBefore !== colour;
  const p = progress.data;
  return (
    <div data-testid="visit-result" data-outcome={result.outcome}>
      <div
        data-testid="visit-result-colour"
        data-colour={colour}
        style={{
          margin: 16,
          padding: '32px 16px',
          borderRadius: 12,
          textAlign: 'center',
          background: info.fill,
          color: info.text,
          border: `2px solid ${info.border}`,
        }}
      >
        <div style={{ fontSize: 16 }}>
          {result.outcome === 'nobody_home'
            ? t('fieldScreening.markedRevisit')
            : t('fieldScreening.nowColour')}
        </div>
        <div style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.3 }}>{colourName(colour, lang)}</div>
        <div style={{ fontSize: 18 }}>{meaning(colour)}</div>
        {changed && result.colourBefore && (
          <div style={{ fontSize: 14, marginTop: 8 }}>
            {t('fieldScreening.wasColour', { colour: colourName(result.colourBefore, lang) })}
          </div>
        )}
      </div>
      {p && (
        <>
          <div style={{ textAlign: 'center', fontSize: 18, margin: '8px 0 12px' }} data-testid="visit-left">
            {t('fieldScreening.left', { n: Math.max(0, p.total - p.visited) })}
          </div>
          <FieldProgress tally={p} />
        </>
      )}
      <Space direction="vertical" block style={{ padding: 16 }}>
        {nextDoor && (
          <Button
            block
            size="large"
            color="primary"
            onClick={() => void navigate(`/field/screening/${campaignId}/door/${nextDoor.key}`)}
            data-testid="visit-next"
          >
            {t('fieldScreening.nextDoor')}
          </Button>
        )}
        <Button
          block
          size="large"
          onClick={() => void navigate(`/field/screening/${campaignId}`)}
          data-testid="visit-back"
        >
          {t('fieldScreening.backToDoors')}
        </Button>
      </Space>
    </div>
  );
}
