import { App, Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILLS } from '../../../domain/forces/schedule';
import { errorText } from '../../http/errors';
import { createPerson, type Person, type PersonInput, updatePerson } from '../../http/forces';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { UnitPicker } from '../org/UnitPicker';
import { fieldsOf, useForcesMutation } from './common';

interface Values {
  unitCode: string;
  name: string;
  standing: Array<'cadre' | 'party_member' | 'volunteer'>;
  idNumber?: string;
  sex?: 'M' | 'F';
  phone?: string;
  birthDate?: string;
  homeWorkUnit?: string;
  sentDownOn?: string;
  partyBranch?: string;
  reportedOn?: string;
  skills: string[];
  weekdays: number[];
  parts: Array<'day' | 'night'>;
  notes?: string;
}

const FIELDS = [
  'unitCode',
  'name',
  'standing',
  'idNumber',
  'sex',
  'phone',
  'birthDate',
  'homeWorkUnit',
  'sentDownOn',
  'partyBranch',
  'reportedOn',
  'skills',
  'notes',
] as const;

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function toInput(v: Values): PersonInput {
  return {
    unitCode: v.unitCode,
    name: v.name ?? '',
    isCadre: v.standing?.includes('cadre') ?? false,
    isPartyMember: v.standing?.includes('party_member') ?? false,
    isVolunteer: v.standing?.includes('volunteer') ?? false,
    idNumber: blankToNull(v.idNumber),
    sex: v.sex ?? null,
    phone: blankToNull(v.phone),
    birthDate: blankToNull(v.birthDate),
    homeWorkUnit: blankToNull(v.homeWorkUnit),
    sentDownOn: blankToNull(v.sentDownOn),
    partyBranch: blankToNull(v.partyBranch),
    reportedOn: blankToNull(v.reportedOn),
    skills: v.skills ?? [],
    availability: {
      ...(v.weekdays?.length ? { weekdays: v.weekdays } : {}),
      ...(v.parts?.length ? { parts: v.parts } : {}),
    },
    notes: blankToNull(v.notes),
  };
}

/**
 * 新增人员 / 修改: a person's form in a drawer. The server checks it (the same rules as the Excel import) and
 * its errors land on the fields they name.
 */
export function PersonFormDrawer({
  open,
  person,
  defaultUnit,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** the person to change; none: a new one */
  person?: Person;
  defaultUnit?: { code: string; name: string; kind: string };
  onClose: () => void;
  onSaved?: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const [form] = Form.useForm<Values>();
  const standing = Form.useWatch('standing', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) {
      form.setFieldsValue({
        unitCode: person.unit.code,
        name: person.name,
        standing: [
          ...(person.isCadre ? (['cadre'] as const) : []),
          ...(person.isPartyMember ? (['party_member'] as const) : []),
          ...(person.isVolunteer ? (['volunteer'] as const) : []),
        ],
        sex: person.sex ?? undefined,
        birthDate: person.birthDate ?? undefined,
        homeWorkUnit: person.homeWorkUnit ?? undefined,
        sentDownOn: person.sentDownOn ?? undefined,
        partyBranch: person.partyBranch ?? undefined,
        reportedOn: person.reportedOn ?? undefined,
        skills: person.skills,
        weekdays: person.availability.weekdays ?? [],
        parts: person.availability.parts ?? [],
        notes: person.notes ?? undefined,
      });
    } else if (defaultUnit) form.setFieldsValue({ unitCode: defaultUnit.code, standing: [], skills: [] });
  }, [open, person, defaultUnit, form]);

  const mutation = useForcesMutation(
    (v: Values) => {
      const input = toInput(v);
      if (!person) return createPerson(input);
      // an unchanged phone or ID number is not sent (the form never holds the stored ones)
      const { idNumber, phone, ...rest } = input;
      return updatePerson(person.id, {
        ...rest,
        ...(idNumber ? { idNumber } : {}),
        ...(phone ? { phone } : {}),
      });
    },
    (p) => {
      message.success(person ? t('forces.form.saved') : t('forces.form.created', { name: p.name }));
      onSaved?.(p);
      onClose();
    },
    { silentError: true },
  );

  const submit = (v: Values) =>
    mutation.mutate(v, {
      onError: (err) => {
        const fields = fieldsOf(err, FIELDS);
        if (fields.length) form.setFields(fields as never);
        else message.error(errorText(err));
      },
    });

  const wd = t('forces.form.weekday', { returnObjects: true }) as Record<string, string>;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={person ? t('forces.form.editTitle') : t('forces.form.createTitle')}
      size={narrow ? '100%' : 640}
      data-testid="person-form-drawer"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            onClick={() => form.submit()}
            data-testid="person-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="person-form">
        <Form.Item
          name="unitCode"
          label={t('forces.form.unit')}
          extra={t('forces.form.unitHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitPicker
            testId="person-form-unit"
            defaultOptions={defaultUnit ? [defaultUnit as never] : []}
            allowClear={false}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('forces.form.name')}>
              <Input maxLength={50} data-testid="person-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="standing"
              label={t('forces.form.standing')}
              extra={t('forces.form.standingHint')}
            >
              <Checkbox.Group
                data-testid="person-form-standing"
                options={(['cadre', 'party_member', 'volunteer'] as const).map((s) => ({
                  value: s,
                  label: t(`forces.standing.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="idNumber"
              label={t('forces.form.idNumber')}
              extra={person?.idMasked ?? t('forces.form.idNumberHint')}
            >
              <Input
                maxLength={30}
                data-testid="person-form-id"
                placeholder={person?.idMasked ?? undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('forces.form.phone')}>
              <Input
                maxLength={30}
                data-testid="person-form-phone"
                placeholder={person?.phoneMasked ?? undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="sex" label={t('forces.form.sex')}>
              <Select
                allowClear
                options={(['M', 'F'] as const).map((s) => ({ value: s, label: t(`forces.sex.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="birthDate" label={t('forces.form.birthDate')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          {(standing.includes('cadre') || person?.homeWorkUnit) && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="homeWorkUnit" label={t('forces.form.homeWorkUnit')}>
                  <Input maxLength={100} data-testid="person-form-home" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="sentDownOn" label={t('forces.form.sentDownOn')}>
                  <Input type="date" data-testid="person-form-sent-down" />
                </Form.Item>
              </Col>
            </>
          )}
          {(standing.includes('party_member') || person?.partyBranch) && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="partyBranch" label={t('forces.form.partyBranch')}>
                  <Input maxLength={100} data-testid="person-form-branch" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="reportedOn" label={t('forces.form.reportedOn')}>
                  <Input type="date" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Form.Item name="skills" label={t('forces.form.skills')}>
          <Checkbox.Group
            data-testid="person-form-skills"
            options={SKILLS.map((s) => ({ value: s, label: t(`forces.skill.${s}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="weekdays" label={t('forces.form.weekdays')}>
              <Checkbox.Group
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: wd[String(d)] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="parts" label={t('forces.form.parts')}>
              <Checkbox.Group
                options={[
                  { value: 'day', label: t('forces.form.day') },
                  { value: 'night', label: t('forces.form.night') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('forces.form.notes')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
