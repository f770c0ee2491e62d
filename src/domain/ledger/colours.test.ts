import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOverride,
  COLOURS,
  type ColourOverride,
  type ColourPolicy,
  type ColourReason,
  colourChange,
  colourLabel,
  compareColours,
  type DerivedColour,
  deriveColour,
  HOUSEHOLD_COLOURS,
  type HouseholdColour,
  type HouseholdFacts,
  isMoreSevere,
  nextColourChange,
  parseColour,
  REASON_TITLES,
  type ResidentFacts,
  SYMPTOM_LABELS,
  SYMPTOMS,
  type TravelStay,
  validateColourPolicy,
  validateHouseholdFacts,
  windowStart,
} from './colours';
import { addDays, DEMO_KEY_AREAS } from './keyAreas';

const TODAY = '2020-02-15';
const POLICY: ColourPolicy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS }; // 郑州市, 14 days

function colourOf(residents: ResidentFacts[], policy: ColourPolicy = POLICY, today = TODAY): HouseholdColour {
  return deriveColour({ residents }, policy, today).colour;
}

const severity = (c: HouseholdColour) => COLOURS[c].severity;

// ---------------------------------------------------------------------------------------------------
// generators: households around TODAY, dates from well before the window to after today

const day = fc.integer({ min: -40, max: 5 }).map((n) => addDays(TODAY, n));
const dayInWindow = fc.integer({ min: -14, max: 0 }).map((n) => addDays(TODAY, n));
const place = fc.constantFrom(
  '4101',
  '410105',
  '410102001',
  '410100',
  '4201',
  '420106',
  '421000',
  '42',
  '3101',
  '440300',
  'KR',
);
const health = fc.record(
  {
    date: day,
    symptoms: fc.subarray([...SYMPTOMS], { maxLength: 3 }),
    temperatureC: fc.integer({ min: 355, max: 400 }).map((t) => t / 10),
  },
  { requiredKeys: ['date'] },
);
const datedTravel = fc
  .record({
    placeCode: place,
    from: day,
    length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  })
  .map(({ placeCode, from, length }) =>
    length === undefined ? { placeCode, from } : { placeCode, from, to: addDays(from, length) },
  );
/** a stay the resident could not date: maybe a last day (返郑日期), maybe the day it was recorded */
const undatedTravel = fc.record(
  {
    placeCode: place,
    to: day,
    recordedOn: day,
    undated: fc.constantFrom('recent' as const, 'unknown' as const),
  },
  { requiredKeys: ['placeCode'] },
);
const travel = fc.oneof({ arbitrary: datedTravel, weight: 3 }, { arbitrary: undatedTravel, weight: 1 });
const contact = fc.record({
  kind: fc.constantFrom('confirmed', 'suspected', 'asymptomatic', 'key_person'),
  date: day,
});
const isolation = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc
    .record({
      kind: fc.constantFrom('home', 'centralised', 'health_monitoring'),
      from: day,
      length: fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
    })
    .map(({ kind, from, length }) =>
      length === undefined ? { kind, from } : { kind, from, to: addDays(from, length) },
    ),
);
const resident: fc.Arbitrary<ResidentFacts> = fc.record(
  {
    present: fc.boolean(),
    health: fc.array(health, { maxLength: 2 }),
    travel: fc.array(travel, { maxLength: 2 }),
    contacts: fc.array(contact, { maxLength: 1 }),
    isolation: fc.array(isolation, { maxLength: 1 }),
  },
  { requiredKeys: [] },
);
const household: fc.Arbitrary<HouseholdFacts> = fc.record({
  residents: fc.array(resident, { maxLength: 5 }),
});
/** one fact about a resident, any kind */
const anyFact = fc.oneof(
  health.map((h) => ({ health: [h] })),
  travel.map((t) => ({ travel: [t] })),
  contact.map((c) => ({ contacts: [c] })),
  isolation.map((i) => ({ isolation: [i] })),
);

function withFact(r: ResidentFacts, fact: Partial<ResidentFacts>): ResidentFacts {
  return {
    ...r,
    health: [...(r.health ?? []), ...(fact.health ?? [])],
    travel: [...(r.travel ?? []), ...(fact.travel ?? [])],
    contacts: [...(r.contacts ?? []), ...(fact.contacts ?? [])],
    isolation: [...(r.isolation ?? []), ...(fact.isolation ?? [])],
  };
}

const isPresent = (r: ResidentFacts) => r.present !== false;

/** The oracle for a stay: its last day (or, undated, the day recorded) not before the window, begun by today. */
function stayInWindow(t: TravelStay, since: string): boolean {
  const last = t.to ?? t.from ?? t.recordedOn ?? TODAY;
  return last >= since && (t.from === undefined || t.from <= TODAY);
}

// ---------------------------------------------------------------------------------------------------

describe('the five colours as data', () => {
  it('are red, orange, yellow, green, white, in that order of severity', () => {
    expect(HOUSEHOLD_COLOURS).toEqual(['red', 'orange', 'yellow', 'green', 'white']);
    const s = HOUSEHOLD_COLOURS.map(severity);
    expect(s).toEqual([...s].sort((a, b) => b - a));
    expect(new Set(s).size).toBe(5);
    expect(isMoreSevere('red', 'orange')).toBe(true);
    expect(isMoreSevere('green', 'yellow')).toBe(false);
    expect(
      ['white', 'green', 'red', 'yellow', 'orange'].sort((a, b) =>
        compareColours(a as HouseholdColour, b as HouseholdColour),
      ),
    ).toEqual([...HOUSEHOLD_COLOURS]);
  });

  it('carry the labels of the reports in zh-CN and en', () => {
    expect(COLOURS.red.label['zh-CN']).toBe('重点关注户');
    expect(COLOURS.orange.label['zh-CN']).toBe('居家隔离户');
    expect(COLOURS.yellow.label['zh-CN']).toBe('非疫区返回无症状户');
    expect(COLOURS.green.label['zh-CN']).toBe('未离开无症状户');
    expect(COLOURS.white.label['zh-CN']).toBe('空户');
    for (const c of HOUSEHOLD_COLOURS) {
      expect(COLOURS[c].code).toBe(c);
      expect(COLOURS[c].label.en.length).toBeGreaterThan(0);
      expect(COLOURS[c].name['zh-CN']).toMatch(/^[红橙黄绿白]$/);
    }
  });

  it("names yellow and green after the deployment's city as the reports do, in both languages", () => {
    expect(colourLabel('yellow', 'zh-CN', '4101')).toBe('非疫区返郑无症状户');
    expect(colourLabel('green', 'zh-CN', '4101')).toBe('未离郑无症状户');
    expect(colourLabel('yellow', 'en', '4101')).toBe(
      'returned to Zhengzhou from a non-epidemic area, no symptoms',
    );
    expect(colourLabel('green', 'en', '4101')).toBe('never left Zhengzhou, no symptoms');
    // a county of the city is the city; Jiaozuo says 焦
    expect(colourLabel('green', 'zh-CN', '410105')).toBe('未离郑无症状户');
    expect(colourLabel('yellow', 'zh-CN', '4108')).toBe('非疫区返焦无症状户');
    expect(colourLabel('red', 'zh-CN', '4101')).toBe('重点关注户');
  });

  it('keeps the plain words for a province, an unknown city or no home area', () => {
    expect(colourLabel('yellow', 'zh-CN')).toBe('非疫区返回无症状户');
    expect(colourLabel('green', 'zh-CN', '41')).toBe('未离开无症状户');
    expect(colourLabel('yellow', 'en', '1101')).toBe(COLOURS.yellow.label.en);
  });

  it("reads back every city's words and the plain ones, so older sheets still import", () => {
    for (const area of [undefined, '4101', '4108', '4113']) {
      for (const c of HOUSEHOLD_COLOURS) {
        expect(parseColour(colourLabel(c, 'zh-CN', area)), `${c} ${area}`).toBe(c);
        expect(parseColour(colourLabel(c, 'en', area)), `${c} ${area} en`).toBe(c);
      }
    }
    expect(parseColour('未离开无症状户')).toBe('green');
    expect(parseColour('非疫区返回无症状户')).toBe('yellow');
    expect(parseColour('非疫区返郑州无症状户')).toBeUndefined();
  });

  /** WCAG relative luminance and contrast */
  function contrast(a: string, b: string): number {
    const lum = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  }

  it('have display colours: readable text, and a border that shows on a white page (white too)', () => {
    for (const c of HOUSEHOLD_COLOURS) {
      const { fill, text, border } = COLOURS[c];
      for (const hex of [fill, text, border]) expect(hex).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(border, '#FFFFFF')).toBeGreaterThanOrEqual(3);
    }
    expect(COLOURS.white.fill).toBe('#FFFFFF');
    expect(COLOURS.white.border).not.toBe('#FFFFFF');
  });

  it('have a title for every reason and a label for every symptom, in both languages', () => {
    for (const t of [...Object.values(REASON_TITLES), ...Object.values(SYMPTOM_LABELS)]) {
      expect(t['zh-CN'].length).toBeGreaterThan(0);
      expect(t.en.length).toBeGreaterThan(0);
    }
  });
});

describe('parseColour', () => {
  it('reads colours as ledgers write them', () => {
    const cases: [string, HouseholdColour | undefined][] = [
      ['red', 'red'],
      ['RED', 'red'],
      ['红', 'red'],
      ['红色', 'red'],
      [' 红 色 ', 'red'],
      ['重点关注户', 'red'],
      ['重点关注', 'red'],
      ['红（重点关注户）', 'red'],
      ['红色-重点关注', 'red'],
      ['橙色', 'orange'],
      ['居家隔离户', 'orange'],
      ['黄', 'yellow'],
      ['非疫区返郑无症状户', 'yellow'],
      ['非疫区返回无症状', 'yellow'],
      ['绿色', 'green'],
      ['未离郑无症状户', 'green'],
      ['Green', 'green'],
      ['never left, no symptoms', 'green'],
      ['白', 'white'],
      ['空户', 'white'],
      ['white (empty)', 'white'],
      ['', undefined],
      ['蓝', undefined],
      ['红旗', undefined],
      ['reddish', undefined],
    ];
    for (const [input, expected] of cases) expect(parseColour(input), input).toBe(expected);
  });

  it('reads back every code, name and label', () => {
    for (const c of HOUSEHOLD_COLOURS) {
      for (const s of [c, COLOURS[c].name['zh-CN'], COLOURS[c].label['zh-CN'], COLOURS[c].label.en]) {
        expect(parseColour(s)).toBe(c);
      }
    }
  });
});

describe('deriveColour: the rules by example', () => {
  it('W: nobody living there is white (空户), whatever else is recorded', () => {
    expect(deriveColour({ residents: [] }, POLICY, TODAY)).toEqual({
      colour: 'white',
      reasons: [{ code: 'nobody_present', colour: 'white' }],
      milder: [],
    });
    const away: ResidentFacts = { present: false, health: [{ date: TODAY, symptoms: ['fever'] }] };
    expect(colourOf([away, { present: false }])).toBe('white');
  });

  it('G: residents who never left, without symptoms, are green (未离开无症状户)', () => {
    const r = deriveColour(
      { residents: [{}, { health: [{ date: TODAY, temperatureC: 36.5 }] }] },
      POLICY,
      TODAY,
    );
    expect(r).toEqual({
      colour: 'green',
      reasons: [{ code: 'stayed_no_symptoms', colour: 'green' }],
      milder: [],
    });
    // a stay inside the home city is not travel
    expect(colourOf([{ travel: [{ placeCode: '410105', from: '2020-02-10' }] }])).toBe('green');
    expect(colourOf([{ travel: [{ placeCode: '410100', from: '2020-02-10' }] }])).toBe('green');
  });

  it('R3: a stay in Wuhan within the window and within its dates is red, with the reason', () => {
    const r = deriveColour(
      {
        residents: [
          {},
          {
            id: 'r2',
            travel: [
              { placeCode: '420106', placeName: '武汉市武昌区', from: '2020-01-20', to: '2020-01-25' },
            ],
          },
        ],
      },
      POLICY,
      '2020-02-05',
    );
    expect(r.colour).toBe('red');
    expect(r.reasons).toEqual([
      {
        code: 'travel_key_area',
        colour: 'red',
        residentIndex: 1,
        residentId: 'r2',
        date: '2020-01-25',
        placeCode: '420106',
        placeName: '武汉市武昌区',
        areaCode: '4201',
        area: '武汉市',
      },
    ]);
  });

  it('the window: 14 days after the last day the stay still counts, on the 15th it does not', () => {
    const back = [{ travel: [{ placeCode: '4201', from: '2020-01-25' }] }];
    expect(windowStart('2020-02-08')).toBe('2020-01-25');
    expect(colourOf(back, POLICY, '2020-02-08')).toBe('red');
    expect(colourOf(back, POLICY, '2020-02-09')).toBe('green');
    expect(colourOf(back, { ...POLICY, windowDays: 21 }, '2020-02-09')).toBe('red');
    // a stay that began before the window and ended inside it counts
    expect(colourOf([{ travel: [{ placeCode: '4201', from: '2020-01-01', to: '2020-02-01' }] }])).toBe('red');
  });

  it('a stay in a key area without dates is never dropped: it counts through the window up to its last day', () => {
    // 武汉 entered at the door on 02-15 without 从/到: red, and the reason says it had no dates
    const atDoor = {
      placeCode: '420100',
      placeName: '武汉市',
      recordedOn: TODAY,
      undated: 'unknown' as const,
    };
    const r = deriveColour({ residents: [{ travel: [atDoor] }] }, POLICY, TODAY);
    expect(r.colour).toBe('red');
    expect(r.reasons[0]).toMatchObject({
      code: 'travel_key_area',
      date: TODAY,
      area: '武汉市',
      undated: 'unknown',
    });
    // it stays red for the whole window after the day it was recorded, then leaves it by time
    expect(colourOf([{ travel: [atDoor] }], POLICY, addDays(TODAY, 14))).toBe('red');
    expect(colourOf([{ travel: [atDoor] }], POLICY, addDays(TODAY, 15))).toBe('green');
    // no day at all (an API client that sent only the place): inside the window, today
    expect(colourOf([{ travel: [{ placeCode: '4201' }] }])).toBe('red');
    // only the day of return (返郑日期) known: the stay counts through the window up to that day
    expect(colourOf([{ travel: [{ placeCode: '4201', to: '2020-02-01' }] }])).toBe('red');
    expect(colourOf([{ travel: [{ placeCode: '4201', to: '2020-01-31' }] }])).toBe('green');
    // undated, outside the city, not a key area: yellow, never lost
    const sh = deriveColour(
      { residents: [{ travel: [{ placeCode: '3101', recordedOn: TODAY, undated: 'recent' }] }] },
      POLICY,
      TODAY,
    );
    expect(sh.colour).toBe('yellow');
    expect(sh.reasons[0]).toMatchObject({ code: 'returned_from_outside', undated: 'recent' });
    // a stay that was dated keeps no undated mark
    const dated = deriveColour(
      { residents: [{ travel: [{ placeCode: '4201', from: '2020-02-10' }] }] },
      POLICY,
      TODAY,
    );
    expect(dated.reasons[0]).not.toHaveProperty('undated');
  });

  it('an undated stay is checked like any other: a malformed day or kind is refused', () => {
    expect(validateHouseholdFacts({ residents: [{ travel: [{ placeCode: '4201' }] }] })).toEqual([]);
    expect(
      validateHouseholdFacts({ residents: [{ travel: [{ placeCode: '4201', recordedOn: '2020-02-30' }] }] }),
    ).toEqual([{ path: 'residents[0].travel[0].recordedOn', code: 'fact.date' }]);
    expect(
      validateHouseholdFacts({
        residents: [{ travel: [{ placeCode: '4201', undated: 'someday' as 'recent' }] }],
      }),
    ).toEqual([{ path: 'residents[0].travel[0].undated', code: 'fact.kind' }]);
    expect(validateHouseholdFacts({ residents: [{ travel: [{ placeCode: '4201', from: '' }] }] })).toEqual([
      { path: 'residents[0].travel[0].from', code: 'fact.date' },
    ]);
  });

  it("a stay counts only on the key area's own days", () => {
    // in Wuhan 04-01 to 04-12; Wuhan is a key area until 04-08
    const r = deriveColour(
      { residents: [{ travel: [{ placeCode: '4201', from: '2020-04-01', to: '2020-04-12' }] }] },
      POLICY,
      '2020-04-13',
    );
    expect(r.colour).toBe('red');
    expect(r.reasons[0]).toMatchObject({ code: 'travel_key_area', date: '2020-04-08' });
    // arriving after the list's end: returned from outside the city, not a key area
    expect(
      colourOf(
        [{ travel: [{ placeCode: '4201', from: '2020-04-09', to: '2020-04-12' }] }],
        POLICY,
        '2020-04-13',
      ),
    ).toBe('yellow');
    // the rest of Hubei stopped being a key area on 03-25, Wuhan did not
    expect(colourOf([{ travel: [{ placeCode: '421000', from: '2020-03-30' }] }], POLICY, '2020-04-01')).toBe(
      'yellow',
    );
    expect(colourOf([{ travel: [{ placeCode: '420102', from: '2020-03-30' }] }], POLICY, '2020-04-01')).toBe(
      'red',
    );
  });

  it('R5: a stay outside the city that is no key area is yellow (非疫区返回无症状户)', () => {
    const r = deriveColour(
      {
        residents: [
          { travel: [{ placeCode: '3101', placeName: '上海', from: '2020-02-01', to: '2020-02-10' }] },
        ],
      },
      POLICY,
      TODAY,
    );
    expect(r).toEqual({
      colour: 'yellow',
      reasons: [
        {
          code: 'returned_from_outside',
          colour: 'yellow',
          residentIndex: 0,
          date: '2020-02-10',
          placeCode: '3101',
          placeName: '上海',
        },
      ],
      milder: [],
    });
    expect(colourOf([{ travel: [{ placeCode: 'KR', from: '2020-02-10' }] }])).toBe('yellow'); // abroad
    expect(colourOf([{ travel: [{ placeCode: '410200', from: '2020-02-10' }] }])).toBe('yellow'); // 开封市
  });

  it('a stay still going on, or planned, counts only up to today', () => {
    expect(colourOf([{ travel: [{ placeCode: '3101', from: '2020-02-20' }] }])).toBe('green');
    const r = deriveColour(
      { residents: [{ travel: [{ placeCode: '3101', from: '2020-02-10', to: '2020-02-20' }] }] },
      POLICY,
      TODAY,
    );
    expect(r.reasons[0]).toMatchObject({ code: 'returned_from_outside', date: TODAY });
  });

  it('the home city may be given as six digits, or be a county', () => {
    expect(
      colourOf([{ travel: [{ placeCode: '410105', from: '2020-02-10' }] }], {
        ...POLICY,
        homeAreaCode: '410100',
      }),
    ).toBe('green');
    // a county deployment: a trip to the city's centre is leaving the county
    expect(
      colourOf([{ travel: [{ placeCode: '410105', from: '2020-02-10' }] }], {
        ...POLICY,
        homeAreaCode: '410122',
      }),
    ).toBe('yellow');
  });

  it('a district of the home city can be a key area (Zhengzhou, January 2022)', () => {
    const policy: ColourPolicy = {
      homeAreaCode: '4101',
      keyAreas: [{ code: '410105', name: '金水区', from: '2022-01-05' }],
    };
    expect(
      colourOf([{ travel: [{ placeCode: '410105002', from: '2022-01-08' }] }], policy, '2022-01-10'),
    ).toBe('red');
    expect(colourOf([{ travel: [{ placeCode: '410102', from: '2022-01-08' }] }], policy, '2022-01-10')).toBe(
      'green',
    );
  });

  it('R1: any symptom, or a temperature of 37.3 °C or more, within the window is red', () => {
    expect(colourOf([{ health: [{ date: TODAY, symptoms: ['cough'] }] }])).toBe('red');
    expect(colourOf([{ health: [{ date: TODAY, symptoms: ['other'] }] }])).toBe('red');
    expect(colourOf([{ health: [{ date: TODAY, temperatureC: 37.3 }] }])).toBe('red');
    expect(colourOf([{ health: [{ date: TODAY, temperatureC: 37.2 }] }])).toBe('green');
    expect(
      colourOf([{ health: [{ date: TODAY, temperatureC: 37.3 }] }], { ...POLICY, feverThresholdC: 37.5 }),
    ).toBe('green');
    // the window: 14 days back from 2020-02-15 is 2020-02-01
    expect(colourOf([{ health: [{ date: '2020-02-01', symptoms: ['fever'] }] }])).toBe('red');
    expect(colourOf([{ health: [{ date: '2020-01-31', symptoms: ['fever'] }] }])).toBe('green');
    expect(colourOf([{ health: [{ date: '2020-02-01', symptoms: ['fever'] }] }], POLICY, '2020-02-16')).toBe(
      'green',
    );
    expect(colourOf([{ health: [{ date: '2020-02-16', symptoms: ['fever'] }] }])).toBe('green'); // not yet
  });

  it('R1 reasons: one per resident and kind, the latest', () => {
    const r = deriveColour(
      {
        residents: [
          {
            health: [
              { date: '2020-02-10', temperatureC: 38.1, symptoms: ['fever', 'cough'] },
              { date: '2020-02-12', temperatureC: 37.6 },
              { date: '2020-02-14', temperatureC: 36.8 },
            ],
          },
        ],
      },
      POLICY,
      TODAY,
    );
    expect(r.reasons).toEqual([
      { code: 'symptom', colour: 'red', residentIndex: 0, date: '2020-02-10', symptoms: ['fever', 'cough'] },
      { code: 'fever', colour: 'red', residentIndex: 0, date: '2020-02-12', temperatureC: 37.6 },
    ]);
  });

  it('R2: a contact with a confirmed, suspected or asymptomatic case is red; with a key person, as the policy says', () => {
    expect(colourOf([{ contacts: [{ kind: 'confirmed', date: '2020-02-03' }] }])).toBe('red');
    expect(colourOf([{ contacts: [{ kind: 'suspected', date: '2020-02-03' }] }])).toBe('red');
    expect(colourOf([{ contacts: [{ kind: 'asymptomatic', date: '2020-02-03' }] }])).toBe('red');
    expect(colourOf([{ contacts: [{ kind: 'confirmed', date: '2020-02-01' }] }])).toBe('red');
    expect(colourOf([{ contacts: [{ kind: 'confirmed', date: '2020-01-31' }] }])).toBe('green');
    expect(colourOf([{ contacts: [{ kind: 'key_person', date: '2020-02-03' }] }])).toBe('green');
    expect(
      colourOf([{ contacts: [{ kind: 'key_person', date: '2020-02-03' }] }], {
        ...POLICY,
        keyPersonContactColour: 'red',
      }),
    ).toBe('red');
    const r = deriveColour(
      { residents: [{ contacts: [{ kind: 'suspected', date: '2020-02-03' }] }] },
      POLICY,
      TODAY,
    );
    expect(r.reasons).toEqual([
      { code: 'contact_case', colour: 'red', residentIndex: 0, date: '2020-02-03', contact: 'suspected' },
    ]);
  });

  it('R4: home isolation covering today is orange (居家隔离户)', () => {
    const iso = (from: string, to?: string): ResidentFacts => ({
      isolation: [to === undefined ? { kind: 'home', from } : { kind: 'home', from, to }],
    });
    expect(colourOf([iso('2020-02-01', '2020-02-15')])).toBe('orange');
    expect(colourOf([iso('2020-02-15', '2020-02-28')])).toBe('orange');
    expect(colourOf([iso('2020-02-01')])).toBe('orange');
    expect(colourOf([iso('2020-02-01', '2020-02-14')])).toBe('green'); // over
    expect(colourOf([iso('2020-02-16', '2020-03-01')])).toBe('green'); // not yet
    expect(colourOf([{ isolation: [{ kind: 'none' }] }])).toBe('green');
    const r = deriveColour({ residents: [{}, iso('2020-02-01', '2020-02-15')] }, POLICY, TODAY);
    expect(r.reasons).toEqual([
      { code: 'home_isolation', colour: 'orange', residentIndex: 1, from: '2020-02-01', to: '2020-02-15' },
    ]);
  });

  it('centralised isolation is red and health monitoring yellow by default; the policy can say otherwise', () => {
    const c: ResidentFacts = { isolation: [{ kind: 'centralised', from: '2020-02-10', to: '2020-02-24' }] };
    const m: ResidentFacts = {
      isolation: [{ kind: 'health_monitoring', from: '2020-02-10', to: '2020-02-24' }],
    };
    expect(colourOf([c])).toBe('red');
    expect(colourOf([m])).toBe('yellow');
    expect(colourOf([c], { ...POLICY, isolationColours: { centralised: 'orange' } })).toBe('orange');
    expect(colourOf([m], { ...POLICY, isolationColours: { health_monitoring: 'orange' } })).toBe('orange');
  });

  it('14 + 7: planned periods change the colour on their days', () => {
    const r: ResidentFacts = {
      isolation: [
        { kind: 'home', from: '2020-02-01', to: '2020-02-14' },
        { kind: 'health_monitoring', from: '2020-02-15', to: '2020-02-21' },
      ],
    };
    expect(colourOf([r], POLICY, '2020-02-14')).toBe('orange');
    expect(colourOf([r], POLICY, '2020-02-15')).toBe('yellow');
    expect(colourOf([r], POLICY, '2020-02-22')).toBe('green');
  });

  it('red wins over orange, and the milder findings are kept', () => {
    const r = deriveColour(
      {
        residents: [
          { isolation: [{ kind: 'home', from: '2020-02-05', to: '2020-02-19' }] },
          { present: false, health: [{ date: TODAY, symptoms: ['fever'] }] },
          { travel: [{ placeCode: '3101', from: '2020-02-10' }] },
          { travel: [{ placeCode: '4201', from: '2020-02-05' }] },
        ],
      },
      POLICY,
      TODAY,
    );
    expect(r.colour).toBe('red');
    expect(r.reasons.map((x) => [x.code, 'residentIndex' in x ? x.residentIndex : -1])).toEqual([
      ['travel_key_area', 3],
    ]);
    expect(r.milder.map((x) => x.code)).toEqual(['home_isolation', 'returned_from_outside']);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => deriveColour({ residents: [] }, POLICY, '2020-2-15')).toThrow(RangeError);
    expect(() => deriveColour({ residents: [] }, { ...POLICY, windowDays: 0 }, TODAY)).toThrow(/windowDays/);
    expect(() => deriveColour({ residents: [] }, { ...POLICY, homeAreaCode: 'ZZ' }, TODAY)).toThrow(
      /homeAreaCode/,
    );
    expect(() =>
      deriveColour({ residents: [{ travel: [{ placeCode: '4201', from: '2020-02-30' }] }] }, POLICY, TODAY),
    ).toThrow(/residents\[0\]\.travel\[0\]\.from/);
  });
});

describe('validateHouseholdFacts', () => {
  it('points at each bad fact', () => {
    const facts = {
      residents: [
        {
          health: [
            { date: '2020-02-01', symptoms: ['sneezing'], temperatureC: 373 },
            { date: 'yesterday', temperatureC: Number.NaN },
          ],
          travel: [
            { placeCode: '420', from: '2020-02-01' },
            { placeCode: '4201', from: '2020-02-05', to: '2020-02-01' },
          ],
          contacts: [{ kind: 'neighbour', date: '2020-02-01' }],
          isolation: [{ kind: 'home' }, { kind: 'quarantine', from: '2020-02-01' }, { kind: 'none' }],
        },
      ],
    } as unknown as HouseholdFacts;
    expect(validateHouseholdFacts(facts)).toEqual([
      { path: 'residents[0].health[0].symptoms[0]', code: 'fact.symptom' },
      { path: 'residents[0].health[0].temperatureC', code: 'fact.temperature' },
      { path: 'residents[0].health[1].date', code: 'fact.date' },
      { path: 'residents[0].health[1].temperatureC', code: 'fact.temperature' },
      { path: 'residents[0].travel[0].placeCode', code: 'fact.place' },
      { path: 'residents[0].travel[1].to', code: 'fact.range' },
      { path: 'residents[0].contacts[0].kind', code: 'fact.kind' },
      { path: 'residents[0].isolation[0].from', code: 'fact.date' },
      { path: 'residents[0].isolation[1].kind', code: 'fact.kind' },
    ]);
    expect(validateHouseholdFacts({} as HouseholdFacts)).toEqual([{ path: 'residents', code: 'fact.shape' }]);
  });

  it('finds nothing wrong with what the generators make', () => {
    fc.assert(
      fc.property(household, (h) => {
        expect(validateHouseholdFacts(h)).toEqual([]);
      }),
    );
  });
});

describe('validateColourPolicy', () => {
  it('accepts the demo policy and reports bad settings', () => {
    expect(validateColourPolicy(POLICY)).toEqual([]);
    const bad = validateColourPolicy({
      homeAreaCode: '41010',
      keyAreas: [{ code: '4201', name: '', from: '2020-01-01' }],
      windowDays: 1.5,
      feverThresholdC: 3.73,
      isolationColours: { home: 'green' as 'red' },
      keyPersonContactColour: 'white' as 'red',
    });
    expect(bad.map((i) => i.field)).toEqual([
      'homeAreaCode',
      'keyAreas',
      'windowDays',
      'feverThresholdC',
      'isolationColours',
      'keyPersonContactColour',
    ]);
  });
});

describe('deriveColour: properties', () => {
  const derive = (h: HouseholdFacts, policy: ColourPolicy = POLICY) => deriveColour(h, policy, TODAY);

  it('gives exactly one colour, explained by reasons of that colour; milder findings are milder', () => {
    fc.assert(
      fc.property(household, (h) => {
        const r = derive(h);
        expect(HOUSEHOLD_COLOURS).toContain(r.colour);
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const x of r.reasons) expect(x.colour).toBe(r.colour);
        for (const x of r.milder) expect(severity(x.colour)).toBeLessThan(severity(r.colour));
        expect(derive(h)).toEqual(r);
      }),
    );
  });

  it('is white exactly when nobody lives there', () => {
    fc.assert(
      fc.property(household, (h) => {
        expect(derive(h).colour === 'white').toBe(!h.residents.some(isPresent));
      }),
    );
  });

  it('red dominates: a symptom or a fever of any resident who lives there makes the household red', () => {
    const finding = fc.oneof(
      fc.record({ date: dayInWindow, symptoms: fc.subarray([...SYMPTOMS], { minLength: 1 }) }),
      fc.record({ date: dayInWindow, temperatureC: fc.integer({ min: 373, max: 420 }).map((t) => t / 10) }),
    );
    fc.assert(
      fc.property(household, fc.nat(), finding, (h, k, report) => {
        const residents = h.residents.length > 0 ? [...h.residents] : [{}];
        const i = k % residents.length;
        residents[i] = withFact({ ...residents[i], present: true }, { health: [report] });
        const r = derive({ residents });
        expect(r.colour).toBe('red');
        expect(r.reasons.some((x) => 'residentIndex' in x && x.residentIndex === i)).toBe(true);
      }),
    );
  });

  it('is red exactly when some present resident has a red finding: symptom, fever, case contact, key area, centralised', () => {
    fc.assert(
      fc.property(household, (h) => {
        const r = derive(h);
        const since = windowStart(TODAY);
        const inWindow = (d: string) => since <= d && d <= TODAY;
        const red = h.residents.filter(isPresent).some(
          (res) =>
            (res.health ?? []).some(
              (x) => inWindow(x.date) && ((x.symptoms ?? []).length > 0 || (x.temperatureC ?? 0) >= 37.3),
            ) ||
            (res.contacts ?? []).some((c) => c.kind !== 'key_person' && inWindow(c.date)) ||
            // every generated day lies within the demo list's dates for Hubei and Wuhan: any 42… place is key
            (res.travel ?? []).some((t) => /^42/.test(t.placeCode) && stayInWindow(t, since)) ||
            (res.isolation ?? []).some(
              (p) =>
                p.kind === 'centralised' &&
                p.from !== undefined &&
                p.from <= TODAY &&
                (p.to === undefined || TODAY <= p.to),
            ),
        );
        expect(r.colour === 'red').toBe(red);
      }),
    );
  });

  it('adding a fact never makes a colour milder', () => {
    fc.assert(
      fc.property(household, fc.nat(), anyFact, (h, k, fact) => {
        fc.pre(h.residents.some(isPresent));
        const before = derive(h).colour;
        const residents = [...h.residents];
        const i = k % residents.length;
        residents[i] = withFact(residents[i], fact);
        expect(severity(derive({ residents }).colour)).toBeGreaterThanOrEqual(severity(before));
      }),
    );
  });

  it('a new resident never makes a lived-in household milder; one who lives elsewhere changes nothing', () => {
    fc.assert(
      fc.property(household, resident, (h, newcomer) => {
        const before = derive(h);
        const after = derive({ residents: [...h.residents, newcomer] });
        if (newcomer.present === false) expect(after).toEqual(before);
        else if (before.colour !== 'white')
          expect(severity(after.colour)).toBeGreaterThanOrEqual(severity(before.colour));
        else expect(after.colour).not.toBe('white');
      }),
    );
  });

  it('travel outside the window never matters', () => {
    const outside = fc.oneof(
      // ended before the window
      fc
        .record({ end: fc.integer({ min: 15, max: 400 }), length: fc.integer({ min: 0, max: 60 }) })
        .map(({ end, length }) => ({ from: addDays(TODAY, -end - length), to: addDays(TODAY, -end) })),
      // not begun yet
      fc
        .record({ start: fc.integer({ min: 1, max: 60 }), length: fc.integer({ min: 0, max: 60 }) })
        .map(({ start, length }) => ({ from: addDays(TODAY, start), to: addDays(TODAY, start + length) })),
    );
    fc.assert(
      fc.property(household, fc.nat(), place, outside, (h, k, placeCode, dates) => {
        fc.pre(h.residents.length > 0);
        const residents = [...h.residents];
        const i = k % residents.length;
        residents[i] = withFact(residents[i], { travel: [{ placeCode, ...dates }] });
        expect(derive({ residents })).toEqual(derive(h));
      }),
    );
  });

  it('does not depend on the order of the residents', () => {
    fc.assert(
      fc.property(household, (h) => {
        expect(derive({ residents: [...h.residents].reverse() }).colour).toBe(derive(h).colour);
      }),
    );
  });

  it('a longer window or a longer key-area list never makes a colour milder', () => {
    const more: ColourPolicy = {
      ...POLICY,
      keyAreas: [
        ...DEMO_KEY_AREAS,
        { code: '3101', name: '上海市', from: '2020-02-01' },
        { code: '410105', name: '金水区', from: '2020-02-10' },
      ],
    };
    fc.assert(
      fc.property(
        household,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (h, w, extra) => {
          const a = severity(derive(h, { ...POLICY, windowDays: w }).colour);
          expect(severity(derive(h, { ...POLICY, windowDays: w + extra }).colour)).toBeGreaterThanOrEqual(a);
          expect(severity(derive(h, { ...more, windowDays: w }).colour)).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });

  it('with only travel: yellow when someone left the city within the window for no key area, otherwise green', () => {
    const onlyTravel = fc.array(
      fc.record({ present: fc.boolean(), travel: fc.array(travel, { maxLength: 3 }) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(onlyTravel, (residents) => {
        fc.pre(residents.some(isPresent));
        const r = derive({ residents }, { ...POLICY, keyAreas: [] });
        const since = windowStart(TODAY);
        const left = residents
          .filter(isPresent)
          .some((res) => res.travel.some((t) => !/^4101/.test(t.placeCode) && stayInWindow(t, since)));
        expect(r.colour).toBe(left ? 'yellow' : 'green');
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------

const AT = '2020-02-03T09:30:00+08:00';
const red: DerivedColour = deriveColour(
  { residents: [{ travel: [{ placeCode: '4201', from: '2020-01-25' }] }] },
  POLICY,
  '2020-02-01',
);

describe('applyOverride', () => {
  it('without an override, the derived colour', () => {
    expect(applyOverride(red)).toEqual({
      ok: true,
      colour: 'red',
      source: 'rules',
      derived: red,
      reasons: red.reasons,
    });
  });

  it('an override with a reason replaces the colour, and keeps what the rules say', () => {
    const o: ColourOverride = { colour: 'orange', reason: ' 已居家隔离，疾控中心确认 ', by: 'u-17', at: AT };
    const r = applyOverride(red, o);
    expect(r).toEqual({
      ok: true,
      colour: 'orange',
      source: 'override',
      derived: red,
      override: { ...o, reason: '已居家隔离，疾控中心确认' },
      reasons: [
        { code: 'override', colour: 'orange', reason: '已居家隔离，疾控中心确认', by: 'u-17', at: AT },
      ],
    });
  });

  it('refuses an override without a reason, or with a bad colour, author or time', () => {
    expect(applyOverride(red, { colour: 'green', reason: '', by: 'u-17', at: AT })).toEqual({
      ok: false,
      errors: [{ field: 'reason', code: 'override.reason_required' }],
    });
    expect(applyOverride(red, { colour: 'green', reason: ' \u3000\n', by: 'u-17', at: AT }).ok).toBe(false);
    const all = applyOverride(red, {
      colour: 'blue' as HouseholdColour,
      reason: '',
      by: ' ',
      at: '2020-02-03',
    });
    expect(all).toEqual({
      ok: false,
      errors: [
        { field: 'colour', code: 'override.colour' },
        { field: 'reason', code: 'override.reason_required' },
        { field: 'by', code: 'override.by_required' },
        { field: 'at', code: 'override.at' },
      ],
    });
  });

  it('any colour with a non-blank reason wins; a blank reason never does', () => {
    fc.assert(
      fc.property(
        household,
        fc.constantFrom(...HOUSEHOLD_COLOURS),
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^[ \t\n\u3000]*$/),
        (h, colour, reason, blank) => {
          const derived = deriveColour(h, POLICY, TODAY);
          const r = applyOverride(derived, { colour, reason, by: 'u-1', at: AT });
          if (reason.trim() === '') expect(r.ok).toBe(false);
          else expect(r).toMatchObject({ ok: true, colour, source: 'override', derived });
          expect(applyOverride(derived, { colour, reason: blank, by: 'u-1', at: AT }).ok).toBe(false);
        },
      ),
    );
  });
});

describe('colour history rows', () => {
  it('colourChange records from, to, why, who and when', () => {
    expect(colourChange('green', 'red', red.reasons, 'system', AT)).toEqual({
      from: 'green',
      to: 'red',
      why: { kind: 'rules', reasons: red.reasons },
      who: 'system',
      when: AT,
    });
    expect(colourChange(null, 'white', ' 新建台账 ', 'u-3', AT)).toEqual({
      from: null,
      to: 'white',
      why: { kind: 'manual', text: '新建台账' },
      who: 'u-3',
      when: AT,
    });
  });

  it('nextColourChange writes a row only when the shown colour changes', () => {
    const rules = applyOverride(red);
    if (!rules.ok) throw new Error('unexpected');
    expect(nextColourChange('red', rules, 'system', AT)).toBeUndefined();
    expect(nextColourChange('green', rules, 'u-9', AT)).toEqual({
      from: 'green',
      to: 'red',
      why: { kind: 'rules', reasons: red.reasons },
      who: 'u-9',
      when: AT,
    });
    const manual = applyOverride(red, { colour: 'orange', reason: '已居家隔离', by: 'u-17', at: AT });
    if (!manual.ok) throw new Error('unexpected');
    const later = '2020-02-03T10:00:00+08:00';
    expect(nextColourChange('red', manual, 'system', later)).toEqual({
      from: 'red',
      to: 'orange',
      why: { kind: 'manual', text: '已居家隔离' },
      who: 'u-17',
      when: later,
    });
  });

  it('the reasons of a row are a copy, not the derived array itself', () => {
    const reasons: ColourReason[] = [...red.reasons];
    const row = colourChange('green', 'red', reasons, 'system', AT);
    reasons.pop();
    expect(row.why).toEqual({ kind: 'rules', reasons: red.reasons });
  });
});
