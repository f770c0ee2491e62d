import { Form, type FormInstance, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyPersonCategory } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS, type MeasureKind, plannedEnd } from '../../../domain/isolation/measures';
import { isIsoDate } from '../../../domain/ledger/keyAreas';
import { DOOR_SEALS, useSiteRooms, useSites, useWorkers } from '../../http/isolation';
import { useLanguage } from '../../i18n/useLanguage';
import { roleLabel } from '../../shell/roleLabel';
import { useIsolationLabels } from './labels';

/** The paths of a measure's fields, as the server names them in its errors. */
export const MEASURE_FIELDS = [
  'kind',
  'startsOn',
  'plannedEnd',
  'responsibleUserId',
  'doctor',
  'doorSeal',
  'siteId',
  'roomId',
  'note',
] as const;

const HOME: readonly string[] = ['home_isolation', 'home_observation'];

/**
 * The fields of a measure (管控措施) inside a form, under `prefix` ('measure' in the registration):
 * kind, first day, planned end (empty: by the category's rule), the responsible worker of the place,
 * the doctor, the door seal or alarm at home, or the site and room for centralised isolation.
 */
export function MeasureFields({
  form,
  prefix,
  unit,
  category,
}: {
  form: FormInstance;
  prefix: string[];
  /** the place whose workers may answer for the person (专人负责) */
  unit: string | undefined;
  category: KeyPersonCategory | undefined;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const labels = useIsolationLabels();
  const name = (f: string) => [...prefix, f];
  const kind = Form.useWatch(name('kind'), form) as MeasureKind | undefined;
  const startsOn = Form.useWatch(name('startsOn'), form) as string | undefined;
  const siteId = Form.useWatch(name('siteId'), form) as string | undefined;
  const centralised = kind === 'centralised';
  const workers = useWorkers(unit);
  const sites = useSites(centralised);
  const rooms = useSiteRooms(centralised ? siteId : undefined);
  const ruleEnd =
    kind && category && startsOn && isIsoDate(startsOn) ? plannedEnd(kind, category, startsOn) : undefined;
  return (
    <>
      <Form.Item name={name('kind')} label={t('isolation.measure.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={MEASURE_KINDS.map((k) => ({
            value: k,
            label: <span data-testid={`measure-kind-${k}`}>{labels.measure(k)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name={name('startsOn')} label={t('isolation.measure.startsOn')}>
        <Input type="date" style={{ width: 180 }} data-testid="measure-starts-on" />
      </Form.Item>
      <Form.Item
        name={name('plannedEnd')}
        label={t('isolation.measure.plannedEnd')}
        extra={
          ruleEnd ? t('isolation.measure.ruleEnd', { date: ruleEnd }) : t('isolation.measure.plannedEndHint')
        }
      >
        <Input type="date" style={{ width: 180 }} data-testid="measure-planned-end" />
      </Form.Item>
      <Form.Item name={name('responsibleUserId')} label={t('isolation.measure.responsible')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={workers.isFetching}
          disabled={!unit}
          placeholder={t('isolation.measure.responsibleHint')}
          options={(workers.data?.items ?? []).map((w) => ({
            value: w.id,
            label: `${w.name}（${roleLabel(w.role, lang)}）`,
          }))}
          data-testid="measure-responsible"
        />
      </Form.Item>
      <Form.Item name={name('doctor')} label={t('isolation.measure.doctor')}>
        <Input maxLength={60} style={{ width: 240 }} data-testid="measure-doctor" />
      </Form.Item>
      {kind && HOME.includes(kind) && (
        <Form.Item name={name('doorSeal')} label={t('isolation.measure.doorSeal')}>
          <Radio.Group
            options={DOOR_SEALS.map((s) => ({
              value: s,
              label: <span data-testid={`measure-door-${s}`}>{t(`isolation.measure.doorSeals.${s}`)}</span>,
            }))}
          />
        </Form.Item>
      )}
      {centralised && (
        <>
          <Form.Item name={name('siteId')} label={t('isolation.measure.site')} rules={[{ required: true }]}>
            <Select
              loading={sites.isFetching}
              onChange={() => form.setFieldValue(name('roomId'), undefined)}
              options={(sites.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.name}（${s.occupied}/${s.beds}）`,
              }))}
              data-testid="measure-site"
            />
          </Form.Item>
          <Form.Item name={name('roomId')} label={t('isolation.measure.room')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!siteId}
              loading={rooms.isFetching}
              options={(rooms.data?.rooms ?? []).map((r) => ({
                value: r.id,
                label: t('isolation.measure.roomOption', { ...r }),
                disabled: r.occupied >= r.capacity,
              }))}
              data-testid="measure-room"
            />
          </Form.Item>
        </>
      )}
      <Form.Item name={name('note')} label={t('isolation.measure.note')}>
        <Input maxLength={300} data-testid="measure-note" />
      </Form.Item>
    </>
  );
}
