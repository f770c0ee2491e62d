import { dayOfPeriod } from '../../../domain/isolation/measures';
import { recordKey } from '../../../domain/ledger/household';
import type { CheckRow, KeyPersonRow, MeasureRow, TransferRow } from './queries';

// Rows as the API gives them: record keys ('410105-12'), ID numbers and phones masked.

export const KEY_PERSON_EVENT = 'isolation.changed';
export const ALERT_EVENT = 'isolation.alert';

export function toKeyPerson(k: KeyPersonRow, today: string) {
  return {
    id: recordKey(k.region_code, k.id),
    name: k.name,
    idType: k.id_type,
    idNumberMasked: k.id_masked,
    phoneMasked: k.phone_masked,
    address: k.address,
    unitCode: k.unit_code,
    unitName: k.unit_name,
    residentId: k.resident_id && k.resident_region ? recordKey(k.resident_region, k.resident_id) : null,
    category: k.category,
    source: k.source,
    sourceRef: k.source_ref,
    evidence: k.evidence,
    state: k.state,
    measure: k.measure,
    measureId: k.measure_id ? recordKey(k.region_code, k.measure_id) : null,
    measureLastDay: k.measure_last_day,
    measureStartsOn: k.measure_starts_on,
    dayOfPeriod: k.measure_starts_on ? dayOfPeriod(k.measure_starts_on, today) : null,
    responsible: k.responsible_user_id ? { id: k.responsible_user_id, name: k.responsible_name ?? '' } : null,
    lastCheckedAt: k.last_checked_at,
    lastTemperatureC: k.last_temperature_c === null ? null : Number(k.last_temperature_c),
    fever: k.fever,
    createdAt: k.created_at,
  };
}
export type KeyPersonView = ReturnType<typeof toKeyPerson>;

export function toMeasure(m: MeasureRow) {
  return {
    id: recordKey(m.region_code, m.id),
    kind: m.kind,
    startsOn: m.starts_on,
    plannedEnd: m.planned_end,
    startedAt: m.started_at,
    responsible: m.responsible_user_id ? { id: m.responsible_user_id, name: m.responsible_name ?? '' } : null,
    doctor: m.doctor,
    doorSeal: m.door_seal,
    site: m.site_id ? { id: m.site_id, name: m.site_name ?? '' } : null,
    room: m.room_id ? { id: m.room_id, name: m.room_name ?? '' } : null,
    note: m.note,
    endedOn: m.ended_on,
    endReason: m.end_reason,
    signedOffBy: m.signed_off_by,
    endNote: m.end_note,
  };
}

export function toCheck(c: CheckRow) {
  return {
    id: recordKey(c.region_code, c.id),
    clientId: c.client_id,
    keyPersonId: recordKey(c.region_code, c.key_person_id),
    checkedAt: c.checked_at,
    day: c.day,
    slot: c.slot,
    how: c.how,
    temperatureC: c.temperature_c === null ? null : Number(c.temperature_c),
    symptoms: c.symptoms,
    mood: c.mood,
    needs: c.needs,
    note: c.note,
    alarming: c.alarming,
    by: c.by_name,
  };
}

export function toTransfer(t: TransferRow) {
  return {
    id: recordKey(t.region_code, t.id),
    keyPersonId: recordKey(t.region_code, t.key_person_id),
    name: t.person_name,
    unitName: t.unit_name,
    reason: t.reason,
    state: t.state,
    destination: t.destination,
    escort: t.escort,
    pickedUpAt: t.picked_up_at,
    outcome: t.outcome,
    openedAt: t.opened_at,
    closedAt: t.closed_at,
  };
}
