import { describe, expect, it } from 'vitest';
import type { ColourPolicy } from '../ledger/colours';
import { DEMO_KEY_AREAS } from '../ledger/keyAreas';
import {
  assessPerson,
  CODE_ALPHABET,
  checkPassage,
  handoverReason,
  handoverView,
  normaliseRegistrationCode,
  type PassageInput,
  registrationCode,
} from './passage';

const policy: ColourPolicy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS };
const now = new Date('2020-02-05T10:00:00+08:00');
const today = '2020-02-05';

const base = (extra: Partial<PassageInput> = {}): PassageInput => ({
  direction: 'in',
  vehicle: { plate: '豫a 12345', kind: 'car' },
  people: [{ name: ' 张三 ', idNumber: '11010519491231002x', phone: '13800138000', temperatureC: 36.55 }],
  outcome: 'released',
  ...extra,
});

const paths = (input: PassageInput) => {
  const r = checkPassage(input, now, today, { outcomeRequired: true });
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('checkPassage', () => {
  it('normalises a good passage: plate, ID number, name, temperature to a tenth', () => {
    const r = checkPassage(base(), now, today);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.vehicle?.plate).toBe('豫A12345');
    expect(r.value.people[0].idNumber).toBe('11010519491231002X');
    expect(r.value.people[0].name).toBe('张三');
    expect(r.value.people[0].temperatureC).toBe(36.6);
    expect(r.value.occurredAt).toBe(now);
  });

  it('names each bad field', () => {
    expect(paths(base({ vehicle: { plate: '12345', kind: 'car' } }))).toEqual(['vehicle.plate']);
    expect(paths(base({ vehicle: { plate: '豫A12345', kind: 'tank' } }))).toEqual(['vehicle.kind']);
    expect(paths(base({ people: [{ name: 'a', idNumber: '110105194912310021' }] }))).toEqual([
      'people.0.idNumber',
    ]);
    expect(paths(base({ people: [{ name: 'a' }, { name: 'b', phone: '123' }] }))).toEqual(['people.1.phone']);
    expect(paths(base({ people: [{ name: 'a', temperatureC: 373 }] }))).toEqual(['people.0.temperatureC']);
    expect(paths(base({ people: [{ name: 'a', travel: [{ place: '武汉' }] }] }))).toEqual([
      'people.0.travel.0.place',
    ]);
    expect(paths(base({ people: [{ name: 'a', travel: [{ place: '4201', from: '2020-03-01' }] }] }))).toEqual(
      ['people.0.travel.0.from'],
    );
    expect(paths(base({ people: [{ name: 'a', healthCode: 'blue' }] }))).toEqual(['people.0.healthCode']);
    expect(paths(base({ outcome: 'transferred' }))).toEqual(['transferFacilityId']);
    expect(paths(base({ outcome: undefined }))).toEqual(['outcome']);
    expect(paths(base({ direction: 'up' }))).toEqual(['direction']);
    expect(paths(base({ steps: [{ step: 'dance' }] }))).toEqual(['steps.0.step']);
    expect(paths(base({ people: [] }))).toEqual(['people']);
  });

  it('takes 1..60 people in a vehicle and 1..20 on foot', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}` }));
    expect(paths(base({ people: many(60) }))).toEqual([]);
    expect(paths(base({ people: many(61) }))).toEqual(['people']);
    expect(paths(base({ vehicle: null, people: many(20) }))).toEqual([]);
    expect(paths(base({ vehicle: null, people: many(21) }))).toEqual(['people']);
  });

  it('takes a time queued offline up to three days back, never in the future', () => {
    expect(paths(base({ occurredAt: '2020-02-03T08:00:00+08:00' }))).toEqual([]);
    expect(paths(base({ occurredAt: '2020-02-01T08:00:00+08:00' }))).toEqual(['occurredAt']);
    expect(paths(base({ occurredAt: '2020-02-05T11:00:00+08:00' }))).toEqual(['occurredAt']);
    expect(paths(base({ occurredAt: 'yesterday' }))).toEqual(['occurredAt']);
  });

  it('keeps an undated stay, recorded today', () => {
    const r = checkPassage(base({ people: [{ name: 'a', travel: [{ place: '4201' }] }] }), now, today);
    if (!r.ok) throw new Error('refused');
    expect(r.value.people[0].travel[0]).toEqual({ placeCode: '4201', undated: 'unknown', recordedOn: today });
  });
});

describe('assessPerson (the ledger rules)', () => {
  it('finds a stay in a key area within the window, and an undated one', () => {
    const dated = assessPerson(
      { travel: [{ placeCode: '420106', from: '2020-01-25', to: '2020-01-30' }] },
      policy,
      today,
    );
    expect(dated.fromKeyArea).toBe(true);
    expect(dated.keyArea?.name).toBe('武汉市');
    const undated = assessPerson(
      { travel: [{ placeCode: '4201', undated: 'unknown', recordedOn: today }] },
      policy,
      today,
    );
    expect(undated.fromKeyArea).toBe(true);
    expect(handoverReason(undated)).toBe('key_area');
  });

  it('leaves out a stay before the window and a place that is no key area', () => {
    expect(
      assessPerson({ travel: [{ placeCode: '4201', from: '2020-01-01', to: '2020-01-10' }] }, policy, today)
        .fromKeyArea,
    ).toBe(false);
    expect(
      assessPerson({ travel: [{ placeCode: '4403', from: '2020-02-01' }] }, policy, today).fromKeyArea,
    ).toBe(false);
  });

  it('has a fever at the threshold (37.3 by default, or the deployment’s)', () => {
    expect(assessPerson({ travel: [], temperatureC: 37.3 }, policy, today).fever).toBe(true);
    expect(assessPerson({ travel: [], temperatureC: 37.2 }, policy, today).fever).toBe(false);
    expect(
      assessPerson({ travel: [], temperatureC: 37.3 }, { ...policy, feverThresholdC: 37.5 }, today).fever,
    ).toBe(false);
    expect(handoverReason(assessPerson({ travel: [], temperatureC: 38 }, policy, today))).toBe('fever');
    expect(handoverReason(assessPerson({ travel: [] }, policy, today))).toBeNull();
  });
});

describe('hand-overs and codes', () => {
  it('is overdue when waiting past its due time', () => {
    const due = new Date('2020-02-05T10:00:00Z');
    expect(handoverView('waiting', due, new Date('2020-02-05T11:00:00Z'))).toBe('overdue');
    expect(handoverView('waiting', due, new Date('2020-02-05T09:00:00Z'))).toBe('waiting');
    expect(handoverView('arrived', due, new Date('2020-02-06T09:00:00Z'))).toBe('arrived');
  });

  it('makes 6-character codes without 0, O, 1, I and reads them back', () => {
    const c = registrationCode(new Uint8Array([0, 1, 2, 250, 31, 99]));
    expect(c).toHaveLength(6);
    for (const ch of c) expect(CODE_ALPHABET).toContain(ch);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    expect(normaliseRegistrationCode(` ${c.toLowerCase()} `)).toBe(c);
    expect(normaliseRegistrationCode('ABC10O')).toBeUndefined();
  });
});
