import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  householdMarkers,
  isMarker,
  MARKER_INFO,
  MARKERS,
  type MarkedResident,
  type Marker,
  parseMarker,
  parseMarkers,
} from './markers';

describe('the markers as data', () => {
  it('draws each marker with its own symbol: flag, star and badge for helpers; heart, wheelchair, house, bed for those who need help', () => {
    const symbols = Object.fromEntries(MARKERS.map((m) => [m, MARKER_INFO[m].symbol]));
    expect(symbols).toEqual({
      party_member: 'flag',
      building_leader: 'star',
      volunteer: 'badge',
      low_income: 'red_heart',
      disabled: 'wheelchair',
      elderly_alone: 'home',
      immobile: 'bed',
    });
    expect(new Set(Object.values(symbols)).size).toBe(MARKERS.length);
    for (const m of MARKERS) {
      const info = MARKER_INFO[m];
      expect(info.code).toBe(m);
      expect(info.group).toBe(['flag', 'star', 'badge'].includes(info.symbol) ? 'helper' : 'needs_help');
      expect(info.label['zh-CN'].length).toBeGreaterThan(0);
      expect(info.label.en.length).toBeGreaterThan(0);
    }
  });

  it('carries the labels of the reports, and the immobile are sampled at the door', () => {
    expect(MARKERS.map((m) => MARKER_INFO[m].label['zh-CN'])).toEqual([
      '党员',
      '楼栋长',
      '志愿者',
      '低保',
      '残疾',
      '独居老人',
      '行动不便',
    ]);
    expect(MARKERS.filter((m) => MARKER_INFO[m].doorSampling)).toEqual(['immobile']);
  });
});

describe('parseMarker and parseMarkers', () => {
  it('reads a marker as ledgers write it', () => {
    const cases: [string, Marker | undefined][] = [
      ['党员', 'party_member'],
      ['中共党员', 'party_member'],
      ['预备党员', 'party_member'],
      ['楼长', 'building_leader'],
      ['楼栋长', 'building_leader'],
      [' 志愿者 ', 'volunteer'],
      ['低保户', 'low_income'],
      ['残疾人', 'disabled'],
      ['独居老人', 'elderly_alone'],
      ['卧床', 'immobile'],
      ['Party Member', 'party_member'],
      ['immobile', 'immobile'],
      ['群众', undefined],
      ['', undefined],
    ];
    for (const [input, expected] of cases) expect(parseMarker(input), input).toBe(expected);
    for (const m of MARKERS) {
      expect(parseMarker(m)).toBe(m);
      expect(parseMarker(MARKER_INFO[m].label['zh-CN'])).toBe(m);
      expect(parseMarker(MARKER_INFO[m].label.en)).toBe(m);
    }
  });

  it('splits a cell that lists several, in canonical order, and returns what it did not know', () => {
    expect(parseMarkers('低保、党员')).toEqual({ markers: ['party_member', 'low_income'], unknown: [] });
    expect(parseMarkers('志愿者/楼长，残疾；独居老人')).toEqual({
      markers: ['building_leader', 'volunteer', 'disabled', 'elderly_alone'],
      unknown: [],
    });
    expect(parseMarkers('党员 党员, 退伍军人')).toEqual({ markers: ['party_member'], unknown: ['退伍军人'] });
    expect(parseMarkers('')).toEqual({ markers: [], unknown: [] });
    expect(parseMarkers('party member; volunteer')).toEqual({
      markers: ['party_member', 'volunteer'],
      unknown: [],
    });
  });
});

describe('householdMarkers', () => {
  it('aggregates residents up to the household, in canonical order, with counts', () => {
    const residents: MarkedResident[] = [
      { markers: ['disabled', 'party_member'] },
      { markers: ['party_member', 'volunteer'] },
      { markers: ['building_leader'], present: false }, // moved away
      {},
    ];
    expect(householdMarkers(residents, ['low_income'])).toEqual([
      { marker: 'party_member', symbol: 'flag', count: 2, residentIndexes: [0, 1], onHousehold: false },
      { marker: 'volunteer', symbol: 'badge', count: 1, residentIndexes: [1], onHousehold: false },
      { marker: 'low_income', symbol: 'red_heart', count: 0, residentIndexes: [], onHousehold: true },
      { marker: 'disabled', symbol: 'wheelchair', count: 1, residentIndexes: [0], onHousehold: false },
    ]);
    expect(householdMarkers([])).toEqual([]);
  });

  const resident: fc.Arbitrary<MarkedResident> = fc.record(
    { markers: fc.array(fc.constantFrom(...MARKERS), { maxLength: 4 }), present: fc.boolean() },
    { requiredKeys: [] },
  );

  it('is the union of the markers of the residents who live there, counted once per resident', () => {
    fc.assert(
      fc.property(fc.array(resident, { maxLength: 6 }), fc.subarray([...MARKERS]), (residents, own) => {
        const result = householdMarkers(residents, own);
        const living = residents.map((r, i) => [r, i] as const).filter(([r]) => r.present !== false);
        const expected = new Set([...living.flatMap(([r]) => r.markers ?? []), ...own]);
        expect(result.map((x) => x.marker)).toEqual(MARKERS.filter((m) => expected.has(m)));
        for (const x of result) {
          const carriers = living.filter(([r]) => (r.markers ?? []).includes(x.marker)).map(([, i]) => i);
          expect(x.residentIndexes).toEqual(carriers);
          expect(x.count).toBe(carriers.length);
          expect(x.onHousehold).toBe(own.includes(x.marker));
          expect(x.symbol).toBe(MARKER_INFO[x.marker].symbol);
          expect(isMarker(x.marker)).toBe(true);
        }
      }),
    );
  });

  it('ignores unknown markers (data from an older or newer version)', () => {
    const residents = [{ markers: ['veteran' as Marker, 'party_member'] as Marker[] }];
    expect(householdMarkers(residents, ['veteran' as Marker]).map((x) => x.marker)).toEqual(['party_member']);
  });
});
