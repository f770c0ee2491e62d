import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, decideOut, type Outing, shanghaiClock, windowStart } from './rule';

const out = (name: string, day: string, time = '07:42', exempt = false): Outing => ({
  residentId: name,
  name,
  at: new Date(Date.parse(`${day}T${time}:00+08:00`)).toISOString(),
  day,
  exempt,
});

describe('the gate rule', () => {
  const rule = { personsPerHousehold: 1, everyDays: 2 };

  it('lets the first person of a household out, and refuses the second the same day with who and when', () => {
    expect(decideOut({ rule, today: '2020-02-05', outings: [], exempt: false })).toEqual({
      allowed: true,
      exempt: false,
    });
    const d = decideOut({ rule, today: '2020-02-05', outings: [out('王秀英', '2020-02-05')], exempt: false });
    expect(d.allowed).toBe(false);
    if (d.allowed || d.refusal.kind !== 'quota') throw new Error('refused by quota');
    expect(d.refusal.today).toBe(true);
    expect(d.refusal.used).toHaveLength(1);
    expect(shanghaiClock(d.refusal.used[0].at)).toBe('07:42');
    expect(d.refusal.nextDay).toBe('2020-02-07');
  });

  it('counts yesterday within a two-day window and frees the household the day after', () => {
    const yesterday = [out('王秀英', '2020-02-04')];
    const d = decideOut({ rule, today: '2020-02-05', outings: yesterday, exempt: false });
    expect(d.allowed).toBe(false);
    if (!d.allowed && d.refusal.kind === 'quota') expect(d.refusal.today).toBe(false);
    expect(decideOut({ rule, today: '2020-02-06', outings: yesterday, exempt: false }).allowed).toBe(true);
  });

  it('lets a work-certificate holder out daily without using the quota', () => {
    const outings = [out('李建国', '2020-02-05', '06:50', true)];
    expect(decideOut({ rule, today: '2020-02-05', outings, exempt: true })).toEqual({
      allowed: true,
      exempt: true,
    });
    expect(decideOut({ rule, today: '2020-02-05', outings, exempt: false }).allowed).toBe(true);
  });

  it('refuses a second scan out of someone who has not come back in', () => {
    const d = decideOut({
      rule,
      today: '2020-02-05',
      outings: [],
      exempt: true,
      outSince: { name: '王秀英', at: out('王秀英', '2020-02-05').at },
    });
    expect(d).toMatchObject({ allowed: false, refusal: { kind: 'already_out' } });
  });

  it('never lets more than the rule allows out in any window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        (persons, every, attempts) => {
          const r = { personsPerHousehold: persons, everyDays: every };
          const outings: Outing[] = [];
          for (const offset of [...attempts].sort((a, b) => a - b)) {
            const today = addDays('2020-02-01', offset);
            const d = decideOut({ rule: r, today, outings, exempt: false });
            if (d.allowed) outings.push(out(`p${outings.length}`, today));
            else if (d.refusal.kind === 'quota') expect(d.refusal.nextDay > today).toBe(true);
          }
          for (let offset = 0; offset <= 20; offset++) {
            const today = addDays('2020-02-01', offset);
            const from = windowStart(r, today);
            expect(outings.filter((o) => o.day >= from && o.day <= today).length).toBeLessThanOrEqual(
              persons,
            );
          }
        },
      ),
    );
  });
});
