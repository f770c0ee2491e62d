import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveColour } from './colours';
import { floorOfDoor, parseRecordKey, recordKey, summariseHousehold } from './household';
import { DEMO_KEY_AREAS } from './keyAreas';

const policy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS };

describe('summariseHousehold', () => {
  it('counts present residents and their markers, and derives the colour from their facts', () => {
    const s = summariseHousehold(
      [
        { status: 'present', markers: ['party_member'], facts: {} },
        { status: 'present', markers: ['low_income', 'party_member'], facts: {} },
        { status: 'moved_out', markers: ['volunteer'], facts: {} },
      ],
      policy,
      '2020-02-05',
    );
    expect(s.residentCount).toBe(2);
    expect(s.markers.party_member).toBe(2);
    expect(s.markers.low_income).toBe(1);
    expect(s.markers.volunteer).toBe(0);
    expect(s.derived.colour).toBe('green');
    expect(s.recheck).toBe(false);
  });

  it('is white when nobody lives there, and a stay in Wuhan within the window is red and rechecked', () => {
    expect(summariseHousehold([], policy, '2020-02-05').derived.colour).toBe('white');
    expect(
      summariseHousehold([{ status: 'away', markers: [], facts: {} }], policy, '2020-02-05').derived.colour,
    ).toBe('white');
    const s = summariseHousehold(
      [{ status: 'present', markers: [], facts: { travel: [{ placeCode: '420106', from: '2020-01-20' }] } }],
      policy,
      '2020-02-01',
    );
    expect(s.derived.colour).toBe('red');
    expect(s.recheck).toBe(true);
  });

  it('a resident who moved out no longer colours the household', () => {
    const s = summariseHousehold(
      [
        { status: 'present', markers: [], facts: {} },
        {
          status: 'moved_out',
          markers: [],
          facts: { travel: [{ placeCode: '420106', from: '2020-01-20' }] },
        },
      ],
      policy,
      '2020-02-01',
    );
    expect(s.derived.colour).toBe('green');
  });

  it('answers without facts exactly what deriveColour answers', () => {
    for (const residents of [
      [],
      [{ status: 'away' as const, markers: [], facts: {} }],
      [{ status: 'present' as const, markers: [], facts: {} }],
      [
        { status: 'present' as const, markers: [], facts: {} },
        {
          status: 'moved_out' as const,
          markers: [],
          facts: { travel: [{ placeCode: '420106', from: '2020-01-20' }] },
        },
      ],
    ]) {
      const facts = {
        residents: residents
          .filter((r) => r.status !== 'moved_out')
          .map((r) => ({ ...r.facts, present: r.status === 'present' })),
      };
      expect(summariseHousehold(residents, policy, '2020-02-05').derived).toEqual(
        deriveColour(facts, policy, '2020-02-05'),
      );
    }
  });
});

describe('record keys', () => {
  it('round-trips region and id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.bigInt({ min: 1n, max: 10n ** 17n }), (region, id) => {
        expect(parseRecordKey(recordKey(region, id.toString()))).toEqual({
          regionCode: region,
          id: id.toString(),
        });
      }),
    );
  });
  it('rejects anything else', () => {
    for (const k of ['', '410105', '410105-', '41010-1', '410105-1a', "410105-1' OR 1=1"]) {
      expect(parseRecordKey(k)).toBeUndefined();
    }
  });
});

describe('floorOfDoor', () => {
  it('reads the floor the way Chinese buildings number doors', () => {
    expect(floorOfDoor('302')).toBe(3);
    expect(floorOfDoor('1203')).toBe(12);
    expect(floorOfDoor('3-2')).toBe(3);
    expect(floorOfDoor('2单元502')).toBe(5);
    expect(floorOfDoor('东2号')).toBe(0);
    expect(floorOfDoor('')).toBe(0);
  });
});
