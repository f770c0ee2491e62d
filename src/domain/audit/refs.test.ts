import { describe, expect, it } from 'vitest';
import { auditRefs, splitRef, targetRef } from './refs';

describe('audit references', () => {
  it('reads the object of a target', () => {
    expect(targetRef('user:10')).toBe('user:10');
    expect(targetRef('unit:410105002008G01')).toBe('unit:410105002008G01');
    expect(targetRef('resident:410105-1234')).toBe('resident:410105-1234');
    expect(targetRef('ledger:410105002008')).toBe('unit:410105002008');
    expect(targetRef('people:410105002')).toBe('unit:410105002');
    expect(targetRef('roster:facility:3')).toBe('facility:3');
    expect(targetRef('hours-person:410105')).toBe('unit:410105');
    expect(targetRef('something:else')).toBeUndefined();
    expect(targetRef(null)).toBeUndefined();
  });

  it("gathers an entry's actor, target and the units its detail names", () => {
    expect(
      auditRefs({ userId: '3', target: 'user:10', detail: { role: 'grid_worker', unit: '410105002008G01' } }),
    ).toEqual(['user:3', 'user:10', 'unit:410105002008G01']);
    expect(
      auditRefs({
        userId: null,
        target: 'unit:410105002008B0001',
        detail: { parent: { from: '410105002008Y01', to: '410105002008Y02' } },
      }),
    ).toEqual(['unit:410105002008B0001', 'unit:410105002008Y01', 'unit:410105002008Y02']);
    expect(auditRefs({ detail: { unit: 'not a code' } })).toEqual([]);
  });

  it('splits a reference', () => {
    expect(splitRef('resident:410105-1234')).toEqual({ kind: 'resident', id: '410105-1234' });
    expect(splitRef('ledger:410105')).toBeUndefined();
    expect(splitRef('user:')).toBeUndefined();
  });
});
