import { describe, expect, it } from 'vitest';
import {
  draftOf,
  draftProblems,
  keptDraftOf,
  newContactDraft,
  newTravelDraft,
  parseTemperature,
  visitOf,
} from './visitDraft';

const base = { clientId: '00000000-0000-4000-8000-000000000000', campaignId: '1', householdKey: '410105-1' };

describe('the door form', () => {
  it('turns the answers into a visit: travel with a common place or a typed code, contacts, temperature', () => {
    const r = draftOf({ key: '410105-7', status: 'present' });
    r.temperature = '37,5';
    r.symptoms = ['cough'];
    r.travel = [
      {
        id: 1,
        place: '420100',
        code: '',
        name: '武汉市',
        dates: 'exact',
        from: '2020-01-25',
        to: '2020-01-28',
      },
      {
        id: 2,
        place: 'other',
        code: ' 4403 ',
        name: '',
        dates: 'exact',
        from: '2020-02-01',
        to: '2020-02-01',
      },
      { id: 3, place: '310000', code: '', name: '上海市', dates: 'recent', from: '', to: '' },
      { id: 4, place: '420100', code: '', name: '武汉市', dates: 'unknown', from: '2020-02-01', to: '' },
    ];
    r.contacts = [{ id: 1, kind: 'confirmed', date: '2020-02-02' }];
    const away = draftOf({ key: '410105-8', status: 'away' });
    const gone = {
      ...draftOf({ key: '410105-9', status: 'present' }),
      presence: 'moved_out' as const,
      temperature: '36',
    };
    const v = visitOf(
      base,
      'visited',
      [r, away, gone],
      [{ id: 1, name: ' 新人 ', sex: '', relation: 'tenant', idNumber: '', phone: '' }],
      '',
    );
    expect(v.residents).toEqual([
      {
        key: '410105-7',
        present: true,
        temperatureC: 37.5,
        symptoms: ['cough'],
        travel: [
          { placeCode: '420100', placeName: '武汉市', from: '2020-01-25', to: '2020-01-28' },
          { placeCode: '4403', from: '2020-02-01' },
          { placeCode: '310000', placeName: '上海市', undated: 'recent' },
          { placeCode: '420100', placeName: '武汉市', undated: 'unknown' },
        ],
        contacts: [{ kind: 'confirmed', date: '2020-02-02' }],
      },
      { key: '410105-8', present: false },
      { key: '410105-9', present: false, left: 'moved_out' },
    ]);
    expect(v.newResidents).toEqual([{ name: '新人', relation: 'tenant' }]);
  });

  it('sends no answers when nobody is home', () => {
    const v = visitOf(
      base,
      'nobody_home',
      [draftOf({ key: '410105-7', status: 'present' })],
      [],
      ' 敲门无人 ',
    );
    expect(v).toEqual({ ...base, outcome: 'nobody_home', notes: '敲门无人' });
    expect(parseTemperature('')).toBeUndefined();
    expect(parseTemperature('abc')).toBeUndefined();
  });

  it('an unfinished stay or contact keeps the visit from being sent, never dropped', () => {
    const r = draftOf({ key: '410105-7', status: 'present' });
    // 添加去过的地方 tapped: nothing is chosen for the worker
    r.travel = [newTravelDraft(1)];
    expect(r.travel[0]).toMatchObject({ place: '', dates: '' });
    expect(draftProblems([r])).toEqual([
      { resident: 0, index: 0, what: 'travel', field: 'place' },
      { resident: 0, index: 0, what: 'travel', field: 'dates' },
    ]);
    // 武汉 tapped, dates to be typed but left empty: still unfinished
    r.travel = [{ ...newTravelDraft(1), place: '420100', name: '武汉市', dates: 'exact' }];
    expect(draftProblems([r])).toEqual([{ resident: 0, index: 0, what: 'travel', field: 'from' }]);
    // "日期不详" is an answer: the stay goes without dates
    r.travel = [{ ...newTravelDraft(1), place: '420100', name: '武汉市', dates: 'unknown' }];
    expect(draftProblems([r])).toEqual([]);
    expect(visitOf(base, 'visited', [r], [], '').residents?.[0].travel).toEqual([
      { placeCode: '420100', placeName: '武汉市', undated: 'unknown' },
    ]);
    // another place with no code, a contact with no kind or day
    r.travel = [{ ...newTravelDraft(1), place: 'other', dates: 'recent' }];
    r.contacts = [newContactDraft(2)];
    expect(draftProblems([r]).map((p) => `${p.what}.${p.field}`)).toEqual([
      'travel.code',
      'contact.kind',
      'contact.date',
    ]);
    // someone who moved out answers nothing about travel
    expect(draftProblems([{ ...r, presence: 'moved_out' }])).toEqual([]);
  });
});

describe('the door form kept on the phone', () => {
  const residents = [
    { key: 'r1', status: 'present' as const },
    { key: 'r2', status: 'away' as const },
  ];
  it('comes back with its client UUID and answers, fitted to the residents as they are now', () => {
    const kept = {
      clientId: 'c0ffee00-0000-4000-8000-000000000001',
      residents: [{ ...draftOf(residents[1]), temperature: '37.9' }],
      newResidents: [],
      notes: '敲门两次',
    };
    const back = keptDraftOf(JSON.stringify(kept), residents);
    expect(back?.clientId).toBe(kept.clientId);
    expect(back?.residents.map((d) => [d.key, d.temperature])).toEqual([
      ['r1', ''],
      ['r2', '37.9'],
    ]);
    expect(back?.notes).toBe('敲门两次');
  });
  it('is nothing when it is missing or unreadable', () => {
    expect(keptDraftOf(null, residents)).toBeUndefined();
    expect(keptDraftOf('{', residents)).toBeUndefined();
    expect(keptDraftOf('{"residents":[]}', residents)).toBeUndefined();
  });
});
