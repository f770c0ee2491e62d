import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  areaContains,
  DEMO_KEY_AREAS,
  daysBetween,
  earlierDate,
  findKeyArea,
  isIsoDate,
  isKeyArea,
  type KeyArea,
  keyAreaDuring,
  laterDate,
  normaliseAreaCode,
  validateKeyAreaList,
} from './keyAreas';

/** a day between 1950 and 2049 */
const isoDate = fc.integer({ min: -7305, max: 29219 }).map((n) => addDays('1970-01-01', n));

describe('dates', () => {
  it('knows real calendar days', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-04-31')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(isIsoDate('2020-1-5')).toBe(false);
    expect(isIsoDate('2020-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2020-01-05')).toBe(false);
    expect(isIsoDate(20200105)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('adds and counts days across months, leap days and years', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-02-15', -14)).toBe('2020-02-01');
    expect(daysBetween('2020-01-30', '2020-02-02')).toBe(3);
    expect(daysBetween('2020-02-02', '2020-01-30')).toBe(-3);
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2020-02-01', 0.5)).toThrow(RangeError);
    expect(() => daysBetween('x', '2020-01-01')).toThrow(RangeError);
  });

  it('addDays and daysBetween agree, and string order is date order', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        const e = addDays(d, n);
        expect(isIsoDate(e)).toBe(true);
        expect(daysBetween(d, e)).toBe(n);
        expect(addDays(e, -n)).toBe(d);
        expect(Math.sign(e.localeCompare(d))).toBe(Math.sign(n));
      }),
    );
  });

  it('takes the earlier and the later of two dates', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(earlierDate(a, b), laterDate(a, b))).toBeGreaterThanOrEqual(0);
        expect([a, b]).toContain(earlierDate(a, b));
        expect([a, b]).toContain(laterDate(a, b));
      }),
    );
  });
});

describe('area codes', () => {
  it('shortens six-digit province and city codes to their prefixes', () => {
    expect(normaliseAreaCode('420000')).toBe('42');
    expect(normaliseAreaCode('420100')).toBe('4201');
    expect(normaliseAreaCode('420106')).toBe('420106');
    expect(normaliseAreaCode('4201')).toBe('4201');
    expect(normaliseAreaCode('4200')).toBe('42');
    expect(normaliseAreaCode('42')).toBe('42');
    expect(normaliseAreaCode(' 4201 ')).toBe('4201');
    expect(normaliseAreaCode('420106001')).toBe('420106001');
    expect(normaliseAreaCode('420106001002')).toBe('420106001002');
  });

  it('refuses what is not a division code', () => {
    for (const bad of ['', '4', '420', '42010', '4201060', 'KR', 'abcd', '000000', '42 01']) {
      expect(normaliseAreaCode(bad)).toBeUndefined();
    }
  });

  it('places lie in the areas whose prefix they start with', () => {
    expect(areaContains('4201', '420106')).toBe(true); // 武昌区 in 武汉市
    expect(areaContains('4201', '420106001')).toBe(true); // a street of it
    expect(areaContains('4201', '420100')).toBe(true); // the city itself, six-digit form
    expect(areaContains('420100', '4201')).toBe(true);
    expect(areaContains('42', '421000')).toBe(true); // 荆州市 in 湖北省
    expect(areaContains('420000', '4210')).toBe(true);
    expect(areaContains('4201', '42')).toBe(false); // "somewhere in Hubei" is not Wuhan
    expect(areaContains('4201', '4101')).toBe(false);
    expect(areaContains('4201', '4210')).toBe(false);
    expect(areaContains('4201', 'KR')).toBe(false);
    expect(areaContains('bad', '4201')).toBe(false);
  });
});

describe('isKeyArea on the demo list', () => {
  it('Wuhan counts from 2020-01-01 through 2020-04-08', () => {
    expect(isKeyArea('420106', '2020-01-01', DEMO_KEY_AREAS)).toBe(true);
    expect(isKeyArea('420106', '2020-02-10', DEMO_KEY_AREAS)).toBe(true);
    expect(isKeyArea('4201', '2020-04-08', DEMO_KEY_AREAS)).toBe(true);
    expect(isKeyArea('4201', '2020-04-09', DEMO_KEY_AREAS)).toBe(false);
    expect(isKeyArea('4201', '2019-12-31', DEMO_KEY_AREAS)).toBe(false);
  });

  it('the rest of Hubei through 2020-03-25', () => {
    expect(isKeyArea('421000', '2020-03-25', DEMO_KEY_AREAS)).toBe(true);
    expect(isKeyArea('421000', '2020-03-26', DEMO_KEY_AREAS)).toBe(false);
    expect(isKeyArea('42', '2020-02-01', DEMO_KEY_AREAS)).toBe(true);
  });

  it('Zhengzhou, Shanghai and abroad are not key areas', () => {
    expect(isKeyArea('4101', '2020-02-01', DEMO_KEY_AREAS)).toBe(false);
    expect(isKeyArea('310101', '2020-02-01', DEMO_KEY_AREAS)).toBe(false);
    expect(isKeyArea('KR', '2020-02-01', DEMO_KEY_AREAS)).toBe(false);
  });

  it('finds the most specific area', () => {
    expect(findKeyArea('420106', '2020-02-01', DEMO_KEY_AREAS)?.name).toBe('武汉市');
    expect(findKeyArea('421000', '2020-02-01', DEMO_KEY_AREAS)?.name).toBe('湖北省');
    // after the rest of Hubei reopened, Wuhan still counts
    expect(findKeyArea('420106', '2020-04-01', DEMO_KEY_AREAS)?.name).toBe('武汉市');
  });

  it('the demo list is a valid list and holds Wuhan as issue 3 says', () => {
    expect(validateKeyAreaList(DEMO_KEY_AREAS)).toEqual([]);
    expect(DEMO_KEY_AREAS).toContainEqual({
      code: '4201',
      name: '武汉市',
      from: '2020-01-01',
      to: '2020-04-08',
    });
  });
});

describe('open-ended and county-level areas', () => {
  const list: KeyArea[] = [{ code: '410105', name: '金水区', from: '2022-01-05' }];

  it('an area without an end counts from its first day on', () => {
    expect(isKeyArea('410105', '2022-01-04', list)).toBe(false);
    expect(isKeyArea('410105', '2022-01-05', list)).toBe(true);
    expect(isKeyArea('410105002', '2030-01-01', list)).toBe(true);
    expect(isKeyArea('410102', '2022-01-10', list)).toBe(false);
    expect(isKeyArea('4101', '2022-01-10', list)).toBe(false);
  });
});

describe('keyAreaDuring', () => {
  it('gives the last day of a stay that was in the key area', () => {
    // in Wuhan from 04-01 to 04-12: a key area until 04-08
    expect(keyAreaDuring('420106', '2020-04-01', '2020-04-12', DEMO_KEY_AREAS)).toEqual({
      area: DEMO_KEY_AREAS[0],
      date: '2020-04-08',
    });
    expect(keyAreaDuring('420106', '2020-04-09', '2020-04-12', DEMO_KEY_AREAS)).toBeUndefined();
    expect(keyAreaDuring('421000', '2020-03-20', '2020-03-30', DEMO_KEY_AREAS)?.date).toBe('2020-03-25');
    expect(keyAreaDuring('3101', '2020-02-01', '2020-02-05', DEMO_KEY_AREAS)).toBeUndefined();
  });

  it('agrees with isKeyArea day by day', () => {
    const place = fc.constantFrom('420106', '4201', '421000', '42', '4101', '410105', 'KR');
    const day = fc.integer({ min: 0, max: 140 }).map((n) => addDays('2019-12-20', n));
    const lists = fc.constantFrom<readonly KeyArea[]>(DEMO_KEY_AREAS, [
      { code: '410105', name: '金水区', from: '2020-02-01' },
      { code: '4201', name: '武汉市', from: '2020-01-23', to: '2020-04-08' },
    ]);
    fc.assert(
      fc.property(place, day, fc.integer({ min: 0, max: 20 }), lists, (p, from, length, list) => {
        const to = addDays(from, length);
        const days = Array.from({ length: length + 1 }, (_, i) => addDays(from, i));
        const keyDays = days.filter((d) => isKeyArea(p, d, list));
        const match = keyAreaDuring(p, from, to, list);
        if (keyDays.length === 0) expect(match).toBeUndefined();
        else {
          expect(match?.date).toBe(keyDays[keyDays.length - 1]);
          expect(areaContains(match?.area.code ?? '', p)).toBe(true);
        }
      }),
    );
  });
});

describe('validateKeyAreaList', () => {
  it('reports each bad entry with its index and field', () => {
    const issues = validateKeyAreaList([
      { code: '4201', name: '武汉市', from: '2020-01-01', to: '2020-04-08' },
      { code: '42010', name: '', from: '2020-02-30' },
      { code: '420106001', name: '街道', from: '2020-01-01' },
      { code: '4201', name: '武汉市', from: '2020-04-08', to: '2020-01-01' },
      { code: '4201', name: '武汉市', from: '2020-01-01', to: 'soon' },
    ]);
    expect(issues).toEqual([
      { index: 1, field: 'code', code: 'key_area.code' },
      { index: 1, field: 'name', code: 'key_area.name' },
      { index: 1, field: 'from', code: 'key_area.date' },
      { index: 2, field: 'code', code: 'key_area.code' },
      { index: 3, field: 'to', code: 'key_area.range' },
      { index: 4, field: 'to', code: 'key_area.date' },
    ]);
  });
});
