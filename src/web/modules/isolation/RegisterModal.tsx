import { Alert, App, Checkbox, Divider, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KEY_PERSON_CATEGORIES,
  KEY_PERSON_SOURCES,
  type KeyPersonCategory,
  type KeyPersonEvidence,
  type KeyPersonSource,
} from '../../../domain/isolation/keyPerson';
import { firstMeasure } from '../../../domain/isolation/measures';
import { errorText } from '../../http/errors';
import { createKeyPerson, isolationKeys, type MeasureInput, type NewKeyPerson } from '../../http/isolation';
import { useLedgerDay } from '../../http/ledger';
import { useScope } from '../../shell/ScopeContext';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { COMMON_PLACES } from '../ledger/common/places';
import { newClientId } from '../ledger/common/uuid';
import { UnitPicker } from '../org/UnitPicker';
import { applyPathErrors } from './fieldErrors';
import { useIsolationLabels } from './labels';
import { MEASURE_FIELDS, MeasureFields } from './MeasureFields';
import { type PickedResident, ResidentPicker } from './ResidentPicker';

interface Values {
  name?: string;
  idNumber?: string;
  phone?: string;
  unitCode?: string;
  address?: string;
  category?: KeyPersonCategory;
  source?: KeyPersonSource;
  sourceRef?: string;
  travel?: { place?: string; code?: string; from?: string; to?: string };
  evidence?: { contactWith?: string; contactOn?: string; note?: string };
  withMeasure?: boolean;
  measure?: Partial<MeasureInput>;
}

/** The paths of the server's errors this form shows on its fields. */
const KNOWN = [
  'name',
  'idNumber',
  'phone',
  'unitCode',
  'address',
  'category',
  'source',
  'sourceRef',
  'evidence.contactWith',
  'evidence.contactOn',
  'evidence.note',
  ...MEASURE_FIELDS.map((f) => `measure.${f}`),
];

const text = (s: string | undefined) => s?.trim() || undefined;

function evidenceOf(
  v: Values,
  placeName: (code: string) => string | undefined,
): KeyPersonEvidence | undefined {
  const e: KeyPersonEvidence = {};
  const place = v.travel?.place === 'other' ? text(v.travel?.code) : v.travel?.place;
  if (place)
    e.travel = [
      {
        placeCode: place,
        placeName: placeName(place),
        from: v.travel?.from || undefined,
        to: v.travel?.to || undefined,
      },
    ];
  if (text(v.evidence?.contactWith)) e.contactWith = text(v.evidence?.contactWith);
  if (v.evidence?.contactOn) e.contactOn = v.evidence.contactOn;
  if (text(v.evidence?.note)) e.note = text(v.evidence?.note);
  return Object.keys(e).length ? e : undefined;
}

function measureOf(m: Partial<MeasureInput> | undefined): MeasureInput | undefined {
  if (!m?.kind) return undefined;
  return {
    kind: m.kind,
    startsOn: m.startsOn || undefined,
    plannedEnd: m.plannedEnd || undefined,
    responsibleUserId: m.responsibleUserId || undefined,
    doctor: text(m.doctor),
    doorSeal: m.doorSeal,
    siteId: m.kind === 'centralised' ? m.siteId : undefined,
    roomId: m.kind === 'centralised' ? m.roomId || undefined : undefined,
    note: text(m.note),
  };
}

/**
 * 登记重点人员: a resident of the ledger, or somebody typed with the place they are at; the category,
 * where the case came from and its evidence; and, at once, the measure they are put under.
 */
export function RegisterModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIsolationLabels();
  const { scopeCode } = useScope();
  const today = useLedgerDay().data?.today;
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'ledger' | 'typed'>('ledger');
  const [resident, setResident] = useState<PickedResident | undefined>();
  const [residentMissing, setResidentMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clientId = useMemo(() => newClientId(), []);
  const category = Form.useWatch('category', form);
  const withMeasure = Form.useWatch('withMeasure', form);
  const typedUnit = Form.useWatch('unitCode', form);
  const travelPlace = Form.useWatch(['travel', 'place'], form);
  const unit = mode === 'ledger' ? resident?.unitCode : typedUnit;

  const create = useWrite(
    isolationKeys.all,
    (body: NewKeyPerson) => createKeyPerson(body),
    (kp) => {
      message.success(t('isolation.register.done', { name: kp.name }));
      onClose();
    },
    { silentError: true },
  );

  const placeName = (code: string) => {
    const common = COMMON_PLACES.find((p) => p.code === code);
    return common ? t(`places.${common.key}`) : undefined;
  };

  const submit = (v: Values) => {
    setError(null);
    if (mode === 'ledger' && !resident) {
      setResidentMissing(true);
      return;
    }
    const who: Partial<NewKeyPerson> =
      mode === 'ledger'
        ? { residentId: resident?.key }
        : {
            unitCode: v.unitCode,
            name: text(v.name),
            idNumber: text(v.idNumber),
            phone: text(v.phone),
          };
    create.mutate(
      {
        clientId,
        ...who,
        address: text(v.address),
        category: v.category as KeyPersonCategory,
        source: v.source as KeyPersonSource,
        sourceRef: text(v.sourceRef),
        evidence: evidenceOf(v, placeName),
        measure: v.withMeasure ? measureOf(v.measure) : undefined,
      },
      {
        onError: (err) => {
          if (!applyPathErrors(form, err, KNOWN)) setError(errorText(err));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('isolation.register.title')}
      width={780}
      onCancel={onClose}
      okText={t('isolation.register.submit')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={testIdProps('register-submit')}
      destroyOnHidden
      data-testid="register-modal"
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        labelWrap
        onFinish={submit}
        initialValues={{ withMeasure: true, measure: { startsOn: today, doorSeal: 'none' } }}
        data-testid="register-form"
      >
        <Form.Item label=" " colon={false}>
          <Radio.Group
            optionType="button"
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              {
                value: 'ledger',
                label: <span data-testid="register-mode-ledger">{t('isolation.register.fromLedger')}</span>,
              },
              {
                value: 'typed',
                label: <span data-testid="register-mode-typed">{t('isolation.register.typed')}</span>,
              },
            ]}
          />
        </Form.Item>
        {mode === 'ledger' ? (
          <Form.Item
            label={t('isolation.register.name')}
            required
            validateStatus={residentMissing && !resident ? 'error' : undefined}
            help={residentMissing && !resident ? t('isolation.register.residentRequired') : undefined}
          >
            <ResidentPicker
              unit={scopeCode}
              value={resident}
              onPick={(r) => {
                setResident(r);
                setResidentMissing(false);
                // the household's door is where the person stays: the notice and the list show it
                if (r && !form.getFieldValue('address')) form.setFieldValue('address', r.place);
                form.setFieldValue(['measure', 'responsibleUserId'], undefined);
              }}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('isolation.register.name')} rules={[{ required: true }]}>
              <Input maxLength={30} style={{ width: 240 }} data-testid="register-name" />
            </Form.Item>
            <Form.Item name="idNumber" label={t('isolation.register.idNumber')}>
              <Input maxLength={30} style={{ width: 280 }} data-testid="register-id-number" />
            </Form.Item>
            <Form.Item name="phone" label={t('isolation.register.phone')}>
              <Input maxLength={30} style={{ width: 240 }} data-testid="register-phone" />
            </Form.Item>
            <Form.Item name="unitCode" label={t('isolation.register.unit')} rules={[{ required: true }]}>
              <UnitPicker testId="register-unit" style={{ width: 360 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="address" label={t('isolation.register.address')}>
          <Input maxLength={120} data-testid="register-address" />
        </Form.Item>
        <Form.Item name="category" label={t('isolation.register.category')} rules={[{ required: true }]}>
          <Select
            style={{ width: 240 }}
            onChange={(c: KeyPersonCategory) => form.setFieldValue(['measure', 'kind'], firstMeasure(c))}
            options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            data-testid="register-category"
          />
        </Form.Item>
        <Form.Item label={t('isolation.register.source')} required>
          <Space wrap>
            <Form.Item name="source" noStyle rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                options={KEY_PERSON_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
                data-testid="register-source"
              />
            </Form.Item>
            <Form.Item name="sourceRef" noStyle>
              <Input
                maxLength={60}
                style={{ width: 260 }}
                placeholder={t('isolation.register.sourceRef')}
                data-testid="register-source-ref"
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('isolation.register.evidence')}
        </Divider>
        <Form.Item label={t('isolation.register.travelPlace')}>
          <Space wrap>
            <Form.Item name={['travel', 'place']} noStyle>
              <Select
                allowClear
                style={{ width: 140 }}
                options={[
                  ...COMMON_PLACES.map((p) => ({ value: p.code, label: t(`places.${p.key}`) })),
                  { value: 'other', label: t('places.other') },
                ]}
                data-testid="register-travel-place"
              />
            </Form.Item>
            {travelPlace === 'other' && (
              <Form.Item name={['travel', 'code']} noStyle>
                <Input
                  maxLength={12}
                  style={{ width: 130 }}
                  placeholder={t('isolation.register.placeCode')}
                  data-testid="register-travel-code"
                />
              </Form.Item>
            )}
            <Form.Item name={['travel', 'from']} noStyle>
              <Input
                type="date"
                style={{ width: 150 }}
                aria-label={t('isolation.register.travelFrom')}
                data-testid="register-travel-from"
              />
            </Form.Item>
            <Form.Item name={['travel', 'to']} noStyle>
              <Input
                type="date"
                style={{ width: 150 }}
                aria-label={t('isolation.register.travelTo')}
                data-testid="register-travel-to"
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item label={t('isolation.register.contactWith')}>
          <Space wrap>
            <Form.Item name={['evidence', 'contactWith']} noStyle>
              <Input maxLength={60} style={{ width: 220 }} data-testid="register-contact-with" />
            </Form.Item>
            <Form.Item name={['evidence', 'contactOn']} noStyle>
              <Input
                type="date"
                style={{ width: 150 }}
                aria-label={t('isolation.register.contactOn')}
                data-testid="register-contact-on"
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name={['evidence', 'note']} label={t('isolation.register.note')}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="register-note" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          <Form.Item name="withMeasure" valuePropName="checked" noStyle>
            <Checkbox data-testid="register-with-measure">{t('isolation.register.withMeasure')}</Checkbox>
          </Form.Item>
        </Divider>
        {withMeasure && <MeasureFields form={form} prefix={['measure']} unit={unit} category={category} />}
        {error && <Alert type="error" showIcon title={error} data-testid="register-error" />}
      </Form>
    </Modal>
  );
}
