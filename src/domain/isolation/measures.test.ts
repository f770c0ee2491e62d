import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../ledger/keyAreas';
import { KEY_PERSON_CATEGORIES } from './keyPerson';
import {
  DEFAULT_MEASURE_RULES,
  dayOfPeriod,
  firstMeasure,
  LEDGER_FACT_OF,
  MEASURE_KINDS,
  nextStage,
  plannedEnd,
  releasable,
} from './measures';

describe('measure periods', () => {
  it('a 14-day home isolation from 1 February ends on the 14th, released on that day and not before', () => {
    const end = plannedEnd('home_isolation', 'key_area', '2020-02-01');
    expect(end).toBe('2020-02-14');
    expect(releasable({ plannedEnd: end }, '2020-02-13')).toBe(false);
    expect(releasable({ plannedEnd: end }, '2020-02-14')).toBe(true);
  });

  it('14 + 7: back from a key area, home isolation then 7 days of health monitoring', () => {
    expect(firstMeasure('key_area')).toBe('home_isolation');
    expect(nextStage('home_isolation', 'key_area')).toEqual({ kind: 'health_monitoring', days: 7 });
    expect(plannedEnd('health_monitoring', 'key_area', '2020-02-15')).toBe('2020-02-21');
    expect(nextStage('health_monitoring', 'key_area')).toBeUndefined();
    expect(firstMeasure('close_contact')).toBe('centralised');
  });

  it('the deployment’s own rule decides; a kind the rule lacks lasts 14 days', () => {
    const rules = { ...DEFAULT_MEASURE_RULES, inbound: [{ kind: 'home_observation' as const, days: 7 }] };
    expect(plannedEnd('home_observation', 'inbound', '2020-02-28', rules)).toBe('2020-03-05');
    expect(plannedEnd('centralised', 'inbound', '2020-02-28', rules)).toBe('2020-03-12');
  });

  it('the day of the period counts from 1, across a leap day', () => {
    expect(dayOfPeriod('2020-02-28', '2020-02-27')).toBe(0);
    expect(dayOfPeriod('2020-02-28', '2020-02-28')).toBe(1);
    expect(dayOfPeriod('2020-02-28', '2020-03-01')).toBe(3);
  });

  it('every period ends on or after its start, and its length is the rule’s days (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_KINDS),
        fc.constantFrom(...KEY_PERSON_CATEGORIES),
        fc.integer({ min: 0, max: 3000 }),
        (kind, category, offset) => {
          const start = addDays('2019-12-01', offset);
          const end = plannedEnd(kind, category, start);
          expect(end >= start).toBe(true);
          const stage = DEFAULT_MEASURE_RULES[category].find((s) => s.kind === kind);
          expect(dayOfPeriod(start, end)).toBe(stage?.days ?? 14);
        },
      ),
    );
  });

  it('home isolation and home observation make the household orange’s fact, centralised red’s', () => {
    expect(LEDGER_FACT_OF.home_isolation).toBe('home');
    expect(LEDGER_FACT_OF.home_observation).toBe('home');
    expect(LEDGER_FACT_OF.centralised).toBe('centralised');
    expect(LEDGER_FACT_OF.health_monitoring).toBe('health_monitoring');
  });
});
