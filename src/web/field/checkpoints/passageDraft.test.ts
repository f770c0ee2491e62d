import { describe, expect, it } from 'vitest';
import { validatePlate } from '../../../domain/validators/plate';
import { remember } from './memory';
import {
  draftFromRegistration,
  draftProblems,
  isFever,
  newDraft,
  newPerson,
  passageBody,
} from './passageDraft';
import { DIGIT_KEYS, keyboardMode, LETTER_ROWS, pressKey, provinceKeys, SPECIAL_KEYS } from './plateKeys';

describe('the plate keyboard', () => {
  it('offers 豫 first, then the 30 other provinces, until the first character is typed', () => {
    const keys = provinceKeys();
    expect(keys[0]).toBe('豫');
    expect(keys).toHaveLength(31);
    expect(new Set(keys).size).toBe(31);
    expect(keyboardMode('')).toBe('province');
    expect(keyboardMode('豫')).toBe('serial');
  });

  it('types a new-energy plate of 8 characters and no more, and takes keys back', () => {
    let plate = '';
    for (const k of '豫AD123456') plate = pressKey(plate, k);
    expect(plate).toBe('豫AD12345');
    expect(validatePlate(plate)).toMatchObject({ ok: true, kind: 'new_energy' });
    expect(pressKey(plate, 'back')).toBe('豫AD1234');
  });

  it('has the letters without I and O, the digits and the characters of special plates', () => {
    const letters = LETTER_ROWS.flat();
    expect(letters).toHaveLength(24);
    expect(letters).not.toContain('I');
    expect(letters).not.toContain('O');
    expect(DIGIT_KEYS).toHaveLength(10);
    expect(SPECIAL_KEYS).toEqual(['挂', '使', '领', '港', '澳', '警', '学']);
  });
});

describe('what the phone remembers', () => {
  it('keeps the newest first, once each, at most eight', () => {
    let list: string[] = [];
    for (const p of ['a', 'b', 'c', 'a']) list = remember(list, p, (x, y) => x === y);
    expect(list).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 20; i++) list = remember(list, String(i), (x, y) => x === y);
    expect(list).toHaveLength(8);
    expect(list[0]).toBe('19');
  });
});

describe('the passage draft', () => {
  it('calls 37.3 °C and above a fever', () => {
    expect(isFever('37.2')).toBe(false);
    expect(isFever('37.3')).toBe(true);
    expect(isFever('37,5')).toBe(true);
    expect(isFever('')).toBe(false);
  });

  it('a passenger added takes the driver’s destination and stays', () => {
    const d = newPerson(1);
    d.destination = { code: '410108004001', name: '某社区' };
    const p = newPerson(2, d);
    expect(p.destination).toEqual(d.destination);
    expect(p.name).toBe('');
  });

  it('names what keeps it from being sent: the plate, a name, an unfinished stay', () => {
    const d = newDraft('in');
    d.people[0].travel = [{ id: 1, place: '', code: '', name: '', dates: '', from: '', to: '' }];
    expect(draftProblems(d).map((p) => p.what)).toEqual(['plate', 'name', 'travel', 'travel']);
    expect(draftProblems({ ...d, onFoot: true, people: [{ ...newPerson(1), name: '张三' }] })).toEqual([]);
  });

  it('becomes the body of the passage, with the client id, the steps ticked and the transfer', () => {
    const d = newDraft('out');
    d.plate = '豫A12345';
    d.people[0] = {
      ...d.people[0],
      name: ' 张三 ',
      temperature: '36.6',
      travel: [
        { id: 1, place: '420100', code: '', name: '武汉', dates: 'exact', from: '2020-01-20', to: '' },
      ],
      destination: { code: '410108004001', name: '某社区' },
      healthCode: 'green',
    };
    d.steps = ['stop', 'measure'];
    const body = passageBody(d, {
      clientId: 'c',
      facilityId: '7',
      outcome: 'transferred',
      transferFacilityId: '9',
    });
    expect(body).toEqual({
      clientId: 'c',
      facilityId: '7',
      direction: 'out',
      vehicle: { plate: '豫A12345', kind: 'car' },
      people: [
        {
          name: '张三',
          temperatureC: 36.6,
          travel: [{ place: '420100', placeName: '武汉', from: '2020-01-20' }],
          healthCode: 'green',
          destinationUnitCode: '410108004001',
        },
      ],
      steps: [{ step: 'stop' }, { step: 'measure' }],
      outcome: 'transferred',
      transferFacilityId: '9',
    });
  });

  it('is filled from a self-registration, whose people go back by their index', () => {
    const d = draftFromRegistration(
      {
        code: 'ABC234',
        direction: 'in',
        vehicle: { plate: '豫AD12345', kind: 'car' },
        people: [
          {
            name: '李春来',
            idNumberMasked: '4101**********1234',
            phoneMasked: null,
            travel: [{ place: '420100' }],
          },
        ],
        expiresAt: '2020-02-01T10:00:00Z',
      },
      'out',
    );
    expect(d.direction).toBe('in');
    expect(d.plate).toBe('豫AD12345');
    expect(d.people[0].travel[0]).toMatchObject({ place: '420100', dates: 'unknown' });
    const body = passageBody(d, { clientId: 'c', facilityId: '7', outcome: 'released' });
    expect(body.registrationCode).toBe('ABC234');
    expect(body.people[0]).toEqual({ name: '李春来', registrationPerson: 0, travel: [{ place: '420100' }] });
  });
});
