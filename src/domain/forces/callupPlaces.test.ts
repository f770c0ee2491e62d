import { describe, expect, it } from 'vitest';
import { mayApprove, placeSignup, placesLeft, waitingCount, waitlistPosition } from './callupPlaces';

const place = (facilityId: string, needed: number, approved = 0, pending = 0) => ({
  facilityId,
  needed,
  approved,
  pending,
});

describe('places of a call-up: approvals take them, pending sign-ups wait in order', () => {
  it('counts only approvals against the places', () => {
    expect(placesLeft(place('a', 3, 1, 5))).toBe(2);
    expect(placesLeft(place('a', 3, 4))).toBe(0);
    expect(waitingCount(place('a', 3, 1, 5))).toBe(3);
    expect(waitingCount(place('a', 3, 0, 2))).toBe(0);
  });

  it('puts a pending sign-up within the places left, or on the waiting list by its order', () => {
    const p = place('a', 3, 1);
    expect(waitlistPosition(p, 0)).toBeNull();
    expect(waitlistPosition(p, 1)).toBeNull();
    expect(waitlistPosition(p, 2)).toBe(1);
    expect(waitlistPosition(p, 4)).toBe(3);
  });

  it('takes a sign-up for a station with places left even when pending ones fill it: on the waiting list', () => {
    expect(placeSignup([place('a', 2, 0, 1)], 'a')).toEqual({ ok: true, facilityId: 'a', waitlist: null });
    expect(placeSignup([place('a', 2, 0, 2)], 'a')).toEqual({ ok: true, facilityId: 'a', waitlist: 1 });
    expect(placeSignup([place('a', 2, 1, 3)], 'a')).toEqual({ ok: true, facilityId: 'a', waitlist: 3 });
  });

  it('refuses a station approvals fill, a station not in the call-up, and a call-up approvals fill', () => {
    const places = [place('a', 2, 2), place('b', 1, 0, 4)];
    expect(placeSignup(places, 'a')).toEqual({ ok: false, reason: 'place_full', facilityId: 'a' });
    expect(placeSignup(places, 'z')).toEqual({ ok: false, reason: 'not_in_callup' });
    expect(placeSignup([place('a', 2, 2), place('b', 1, 1, 3)])).toEqual({
      ok: false,
      reason: 'callup_full',
    });
  });

  it('without a choice, gives a real place when a station has one, else the shortest waiting list', () => {
    expect(placeSignup([place('a', 2, 0, 2), place('b', 3, 1, 1)])).toEqual({
      ok: true,
      facilityId: 'b',
      waitlist: null,
    });
    // a: 1 left, 3 pending (2 waiting); b: 2 left, 3 pending (1 waiting); c: full
    expect(placeSignup([place('a', 2, 1, 3), place('b', 4, 2, 3), place('c', 1, 1)])).toEqual({
      ok: true,
      facilityId: 'b',
      waitlist: 2,
    });
    // a tie: the first listed
    expect(placeSignup([place('a', 1), place('b', 1)])).toMatchObject({ facilityId: 'a' });
  });

  it('approves while a place is left, or again where the sign-up holds one', () => {
    expect(mayApprove(place('a', 2, 1), false)).toBe(true);
    expect(mayApprove(place('a', 2, 2), false)).toBe(false);
    expect(mayApprove(place('a', 2, 2), true)).toBe(true);
  });
});
