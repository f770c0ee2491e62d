import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, List, QRCode, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkpointKeys, putSteps, STEPS, type Step, useCheckpointFacilities } from '../../http/checkpoints';
import { PrintButton } from '../../shell/print/PrintButton';
import { useWrite } from '../../shell/useWrite';
import { FacilitySelect } from './FacilitySelect';

export const publicLink = (token: string) => `${window.location.origin}/field/cp/${token}`;

/** The A4 board hung at the lane: the checkpoint's name, a big QR code, 扫码登记. */
function Board({ name, link }: { name: string; link: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', paddingTop: '20mm' }} data-testid="qr-board">
      <div style={{ fontSize: '30pt', fontWeight: 700 }}>{name}</div>
      <div style={{ fontSize: '48pt', fontWeight: 800, color: '#c62828', margin: '10mm 0' }}>
        {t('checkpoints.desk.boardScan')}
      </div>
      <QRCode
        value={link}
        size={560}
        bordered={false}
        type="svg"
        style={{ margin: '0 auto', width: '140mm', height: '140mm' }}
      />
      <div style={{ fontSize: '16pt', marginTop: '8mm' }}>{t('checkpoints.desk.boardHint')}</div>
    </div>
  );
}

/** A checkpoint's steps (which, in which order) and its public self-registration link and board. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCheckpointFacilities();
  const [id, setId] = useState('');
  const facility = (list.data?.items ?? []).find((f) => f.id === id) ?? list.data?.items[0];
  const [steps, setSteps] = useState<Step[]>([]);
  useEffect(() => setSteps(facility?.steps ?? []), [facility]);
  const save = useWrite(
    checkpointKeys.all,
    (s: Step[]) => putSteps(facility?.id ?? '', s),
    () => message.success(t('checkpoints.desk.saved')),
  );
  if (!facility) return <Typography.Text type="secondary">{t('checkpoints.desk.none')}</Typography.Text>;
  const link = publicLink(facility.publicToken);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <FacilitySelect value={facility.id} onChange={setId} allowAll={false} testId="settings-facility" />
      <Row gutter={24}>
        <Col span={12}>
          <Typography.Title level={5}>{t('checkpoints.desk.steps')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('checkpoints.desk.stepsHint')}</Typography.Paragraph>
          <List
            size="small"
            bordered
            data-testid="settings-steps"
            // the station's steps in its order first, then the others; ticked steps go last, ↑ moves one up
            dataSource={[...steps, ...STEPS.filter((x) => !steps.includes(x))]}
            renderItem={(s) => {
              const i = steps.indexOf(s);
              const on = i >= 0;
              const up = () => setSteps(steps.map((x, k) => (k === i - 1 ? s : k === i ? steps[i - 1] : x)));
              return (
                <List.Item
                  actions={
                    on && i > 0
                      ? [
                          <Button key="up" size="small" onClick={up} data-testid={`step-up-${s}`}>
                            ↑
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Checkbox
                    checked={on}
                    onChange={(e) =>
                      setSteps(e.target.checked ? [...steps, s] : steps.filter((x) => x !== s))
                    }
                    data-testid={`step-on-${s}`}
                  >
                    {on ? `${i + 1}. ` : ''}
                    {t(`checkpoints.step.${s}`)}
                  </Checkbox>
                </List.Item>
              );
            }}
          />
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            loading={save.isPending}
            onClick={() => save.mutate(steps)}
            data-testid="settings-save"
          >
            {t('checkpoints.desk.save')}
          </Button>
        </Col>
        <Col span={12} style={{ textAlign: 'center' }}>
          <Typography.Title level={5}>{t('checkpoints.desk.publicLink')}</Typography.Title>
          <QRCode value={link} size={200} style={{ margin: '0 auto' }} data-testid="settings-qr" />
          <Space style={{ marginTop: 8 }} wrap>
            <Typography.Link href={link} target="_blank" data-testid="settings-link">
              {link}
            </Typography.Link>
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => {
                void navigator.clipboard?.writeText(link);
                message.success(t('duty.detail.copied'));
              }}
            />
          </Space>
          <div style={{ marginTop: 12 }}>
            <PrintButton
              label={t('checkpoints.desk.printBoard')}
              testId="settings-print"
              prepare={async () => ({
                orientation: 'portrait',
                sheet: <Board name={facility.name} link={link} />,
              })}
            />
          </div>
        </Col>
      </Row>
    </Space>
  );
}
