import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { careKeys, careLinkUrl, giveCareLink, type HouseholdCare, takeCareLinkBack } from '../../http/care';
import { formatDateTime } from '../../shell/dates';
import { PrintButton } from '../../shell/print/PrintButton';
import { useWrite } from '../../shell/useWrite';
import { DoorCard } from './DoorCard';

/**
 * The household's link (扫码下单): made when it has none, its QR code to print for the door, replaced (the
 * old code stops at once) or stopped. Only who may give links (care.manage) sees the token.
 */
export function LinkSection({
  care,
  address,
  manage,
}: {
  care: HouseholdCare;
  address: string;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const key = care.householdKey;
  const give = useWrite(
    careKeys.all,
    (renew: boolean) => giveCareLink(key, renew),
    (_, renew) => message.success(t(renew ? 'care.household.renewed' : 'care.household.given')),
  );
  const stop = useWrite(
    careKeys.all,
    () => takeCareLinkBack(key),
    () => message.success(t('care.household.stopped')),
  );
  if (!care.link) {
    return (
      <Space orientation="vertical" data-testid="care-link">
        <Typography.Text type="secondary">
          {care.hasLink ? t('care.household.linkHidden') : t('care.household.noLink')}
        </Typography.Text>
        {manage && !care.hasLink && (
          <Button
            type="primary"
            disabled={!care.eligible}
            loading={give.isPending}
            onClick={() => give.mutate(false)}
            data-testid="care-link-give"
          >
            {t('care.household.give')}
          </Button>
        )}
      </Space>
    );
  }
  const link = careLinkUrl(care.link.token);
  return (
    <Space align="start" wrap size="large" data-testid="care-link">
      <QRCode value={link} size={180} data-testid="care-link-qr" />
      <Space orientation="vertical">
        <Space wrap>
          <Typography.Link href={link} target="_blank" data-testid="care-link-url">
            {link}
          </Typography.Link>
          <Button
            size="small"
            icon={<CopyOutlined />}
            aria-label={t('care.household.copy')}
            onClick={() => {
              void navigator.clipboard?.writeText(link);
              message.success(t('care.household.copied'));
            }}
          />
        </Space>
        <Typography.Text type="secondary">
          {t('care.household.since', { at: formatDateTime(care.link.createdAt) })}
        </Typography.Text>
        <Space wrap>
          <PrintButton
            label={t('care.household.printCard')}
            testId="care-link-print"
            prepare={async () => ({
              orientation: 'portrait',
              sheet: <DoorCard address={address} link={link} />,
            })}
          />
          {manage && (
            <Popconfirm title={t('care.household.renewConfirm')} onConfirm={() => give.mutate(true)}>
              <Button loading={give.isPending} data-testid="care-link-renew">
                {t('care.household.renew')}
              </Button>
            </Popconfirm>
          )}
          {manage && (
            <Popconfirm title={t('care.household.stopConfirm')} onConfirm={() => stop.mutate(undefined)}>
              <Button danger loading={stop.isPending} data-testid="care-link-stop">
                {t('care.household.stop')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Space>
  );
}
