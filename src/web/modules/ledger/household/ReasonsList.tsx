import { Space, Tag, Typography } from 'antd';
import type { ColourReason } from '../../../../domain/ledger/colours';
import { COLOURS } from '../../../../domain/ledger/colours';
import { useLanguage } from '../../../i18n/useLanguage';
import { reasonDetail, reasonTitle } from '../common/labels';

/** Why the rules give the colour they give (REASON_TITLES, with place, day, temperature …). */
export function ReasonsList({ reasons }: { reasons: ColourReason[] }) {
  const [lang] = useLanguage();
  if (!reasons?.length) return null;
  return (
    <Space orientation="vertical" size={4} data-testid="household-reasons">
      {reasons.map((r, i) => {
        const info = COLOURS[r.colour];
        const detail = reasonDetail(r, lang);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no identity of their own
          <div key={i} data-testid={`reason-${r.code}`}>
            <Tag
              bordered
              style={{ background: info?.fill, color: info?.text, borderColor: info?.border, marginRight: 6 }}
            >
              {reasonTitle(r, lang)}
            </Tag>
            {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
          </div>
        );
      })}
    </Space>
  );
}
