import { describe, expect, it } from 'vitest';
import { shownBirth, shownBirthText } from './birth';
import { shownHistoryDetail } from './history';

describe('shownBirth', () => {
  it('gives the whole date only with full, the year to everyone', () => {
    expect(shownBirth('1980-03-08', true)).toEqual({ birthDate: '1980-03-08', birthYear: 1980 });
    expect(shownBirth('1980-03-08', false)).toEqual({ birthDate: null, birthYear: 1980 });
    expect(shownBirth(null, false)).toEqual({ birthDate: null, birthYear: null });
    expect(shownBirth(undefined, true)).toEqual({ birthDate: null, birthYear: null });
  });

  it('shortens a date in a history row to its year without full', () => {
    expect(shownBirthText('1980-03-08', false)).toBe('1980');
    expect(shownBirthText('1980-03-08', true)).toBe('1980-03-08');
    expect(shownBirthText(null, false)).toBeNull();
  });
});

describe('shownHistoryDetail', () => {
  const detail = {
    name: '晁梦蝶',
    changes: [
      { field: 'birthDate', before: '1947-03-01', after: '1947-03-02' },
      { field: 'idNumber', before: '4101**********0317', after: '**************0325' },
      { field: 'name', before: '甲', after: '乙' },
    ],
  };

  it("masks ID numbers by today's rule and shows a birth date's year only without pii.reveal", () => {
    expect(shownHistoryDetail(detail, false)).toEqual({
      name: '晁梦蝶',
      changes: [
        { field: 'birthDate', before: '1947', after: '1947' },
        { field: 'idNumber', before: '**************0317', after: '**************0325' },
        { field: 'name', before: '甲', after: '乙' },
      ],
    });
  });

  it('keeps the dates for pii.reveal, and a detail without changes as it is', () => {
    const shown = shownHistoryDetail(detail, true) as typeof detail;
    expect(shown.changes[0]).toEqual({ field: 'birthDate', before: '1947-03-01', after: '1947-03-02' });
    expect(shown.changes[1].before).toBe('**************0317');
    expect(shownHistoryDetail({ name: 'x' }, false)).toEqual({ name: 'x' });
    expect(shownHistoryDetail(null, false)).toBeNull();
  });
});
