import { App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WINDOW_DAYS } from '../../../../domain/ledger/colours';
import { MARKERS } from '../../../../domain/ledger/markers';
import { ID_TYPES, RELATIONS } from '../../../../domain/ledger/sheet/values';
import { errorText } from '../../../http/errors';
import {
  addResident,
  type Resident,
  type ResidentForm,
  updateResident,
  useLedgerDay,
} from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { testIdProps } from '../../../shell/testId';
import { idTypeLabel, markerLabel, relationLabel, sexLabel } from '../common/labels';
import { MarkerGlyph } from '../common/MarkerSymbols';
import { draftOfStay, stayOf, stayProblems, type TravelDraft } from '../common/stayDraft';
import { useLedgerMutation } from '../useLedgerMutation';
import { applyResidentErrors } from './formErrors';
import { TravelList } from './TravelList';

const FIELDS = [
  'name',
  'sex',
  'birthDate',
  'idType',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'notes',
  'markers',
] as const;

type Values = {
  name: string;
  sex?: string;
  birthDate?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  relation?: string;
  workUnit?: string;
  notes?: string;
  markers?: string[];
};

function toForm(v: Values, editing: Resident | undefined): Partial<ResidentForm> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const value = v[f];
    if (f === 'markers') {
      out.markers = value ?? [];
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : value;
    // an edit leaves the ID number and phone as they are unless typed again
    if ((f === 'idNumber' || f === 'phone') && !text) continue;
    if (text === '' || text === undefined) {
      if (editing && (f === 'workUnit' || f === 'notes')) out[f] = '';
      continue;
    }
    out[f] = text;
  }
  return out as Partial<ResidentForm>;
}

interface Props {
  open: boolean;
  householdKey: string;
  /** the resident edited; absent: a new one moves in */
  resident?: Resident;
  onClose: () => void;
}

/** A resident's details: name, sex, birth date, ID, phone, relation, work unit, notes, markers. */
export function ResidentFormModal({ open, householdKey, resident, onClose }: Props) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message } = App.useApp();
  const day = useLedgerDay();
  const [form] = Form.useForm<Values>();
  const editing = !!resident;
  // the resident's stays away from home (an edit only: a new resident's are told at the door)
  const [stays, setStays] = useState<TravelDraft[]>([]);
  const [triedSave, setTriedSave] = useState(false);

  // filled when the dialog opens (or opens on another resident), not each time the household is
  // refreshed in the background while the user types
  const current = useRef(resident);
  current.current = resident;
  const residentKey = resident?.key;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setTriedSave(false);
    const resident = residentKey ? current.current : undefined;
    setStays((resident?.facts.travel ?? []).map((x, i) => draftOfStay(x, i)));
    if (resident) {
      form.setFieldsValue({
        name: resident.name,
        sex: resident.sex ?? undefined,
        birthDate: resident.birthDate ?? undefined,
        idType: resident.idType ?? undefined,
        relation: resident.relation ?? undefined,
        workUnit: resident.workUnit ?? undefined,
        notes: resident.notes ?? undefined,
        markers: resident.markers,
      });
    } else {
      form.setFieldsValue({ idType: 'resident_id', markers: [] });
    }
  }, [open, residentKey, form]);

  const mutation = useLedgerMutation(
    async (v: Values): Promise<unknown> =>
      resident
        ? updateResident(resident.key, { ...toForm(v, resident), travel: stays.map(stayOf) })
        : addResident(householdKey, toForm(v, undefined) as ResidentForm),
    () => {
      message.success(editing ? t('common.saved') : t('resident.added'));
      onClose();
    },
    { silentError: true },
  );

  return (
    <Modal
      open={open}
      title={editing ? t('resident.editTitle', { name: resident?.name ?? '' }) : t('household.addResident')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={testIdProps('resident-submit')}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setTriedSave(true);
          // an unfinished stay is finished or removed by the user, never dropped
          if (stays.some((x) => stayProblems(x).length > 0)) {
            message.error(t('fieldScreening.unfinished'));
            return;
          }
          mutation.mutate(v, {
            onError: (err) => {
              if (!applyResidentErrors(form, err, FIELDS)) message.error(errorText(err));
            },
          });
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('resident.name')}
              rules={[{ required: true, whitespace: true, message: t('resident.nameRequired') }, { max: 50 }]}
            >
              <Input data-testid="resident-name" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="sex" label={t('resident.sex')}>
              <Select
                allowClear
                data-testid="resident-sex"
                options={(['male', 'female'] as const).map((s) => ({ value: s, label: sexLabel(s, lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="relation" label={t('resident.relation')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="resident-relation"
                options={RELATIONS.map((r) => ({ value: r, label: relationLabel(r, null, lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="idType" label={t('resident.idType')}>
              <Select
                data-testid="resident-id-type"
                options={ID_TYPES.map((x) => ({ value: x, label: idTypeLabel(x, lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="idNumber"
              label={t('resident.idNumber')}
              extra={
                editing && resident?.idMasked
                  ? t('resident.keepHint', { value: resident.idMasked })
                  : undefined
              }
            >
              <Input data-testid="resident-id-number" maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('resident.phone')}
              extra={
                editing && resident?.phoneMasked
                  ? t('resident.keepHint', { value: resident.phoneMasked })
                  : undefined
              }
            >
              <Input data-testid="resident-phone" maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="birthDate" label={t('resident.birthDate')} extra={t('resident.birthDateHint')}>
              <Input type="date" max={day.data?.today} data-testid="resident-birth-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="workUnit" label={t('resident.workUnit')}>
              <Input data-testid="resident-work-unit" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="notes" label={t('resident.notes')}>
              <Input data-testid="resident-notes" maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="markers" label={t('resident.markers')}>
              <Checkbox.Group
                data-testid="resident-markers"
                options={MARKERS.map((m) => ({
                  value: m,
                  label: (
                    <span data-testid={`resident-marker-${m}`}>
                      <MarkerGlyph marker={m} /> {markerLabel(m, lang)}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
          {editing && (
            <Col span={24}>
              <Form.Item
                label={t('fieldScreening.travel', {
                  n: day.data?.policy.windowDays ?? DEFAULT_WINDOW_DAYS,
                })}
              >
                <TravelList
                  value={stays}
                  onChange={setStays}
                  windowDays={day.data?.policy.windowDays ?? DEFAULT_WINDOW_DAYS}
                  today={day.data?.today}
                  showProblems={triedSave}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
