import { DAY_MS, SHANGHAI_OFFSET_MS } from '../time/shanghai';

// The gate's rule (出入证规则): each household may send `personsPerHousehold` people out in any
// `everyDays` consecutive days (the deployment's rule, e.g. one person every two days); a resident with an
// exemption (a 复工 work certificate) goes out daily and uses none of the household's quota. Coming back
// in is always allowed. Pure functions: the service reads the household's outings and decides here.

export interface GateRule {
  personsPerHousehold: number;
  everyDays: number;
}

export const DEFAULT_RULE: GateRule = { personsPerHousehold: 1, everyDays: 2 };

/** An allowed outing of the household through the gate (a scan out). */
export interface Outing {
  residentId: string;
  name: string;
  /** the instant, ISO */
  at: string;
  /** its platform day, YYYY-MM-DD */
  day: string;
  exempt: boolean;
}

export type Refusal =
  | {
      kind: 'quota';
      /** the outings that used the quota in the window, oldest first */
      used: { name: string; at: string; day: string }[];
      /** whether the last of them was today */
      today: boolean;
      /** the first day on which one more may go out */
      nextDay: string;
    }
  | { kind: 'already_out'; name: string; at: string };

export type Decision = { allowed: true; exempt: boolean } | { allowed: false; refusal: Refusal };

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the window that ends on `today` (the rule looks at today and the days before). */
export function windowStart(rule: GateRule, today: string): string {
  return addDays(today, -(rule.everyDays - 1));
}

export function isValidRule(rule: GateRule): boolean {
  return (
    Number.isInteger(rule.personsPerHousehold) &&
    Number.isInteger(rule.everyDays) &&
    rule.personsPerHousehold >= 1 &&
    rule.personsPerHousehold <= 20 &&
    rule.everyDays >= 1 &&
    rule.everyDays <= 30
  );
}

/**
 * Whether a resident may go out today. `outings`: the household's allowed outings (any window: those
 * outside it are ignored); `exempt`: the resident holds an exemption valid today; `outSince`: when the
 * resident went out and has not come back in (a second scan out is refused: the first was not closed).
 */
export function decideOut(input: {
  rule: GateRule;
  today: string;
  outings: readonly Outing[];
  exempt: boolean;
  outSince?: { at: string; name: string };
}): Decision {
  const { rule, today, exempt } = input;
  if (input.outSince) return { allowed: false, refusal: { kind: 'already_out', ...input.outSince } };
  if (exempt) return { allowed: true, exempt: true };
  const from = windowStart(rule, today);
  const used = input.outings
    .filter((o) => !o.exempt && o.day >= from && o.day <= today)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (used.length < rule.personsPerHousehold) return { allowed: true, exempt: false };
  // one more may go out once enough of the oldest have left the window
  const freeing = used[used.length - rule.personsPerHousehold];
  return {
    allowed: false,
    refusal: {
      kind: 'quota',
      used: used.map((o) => ({ name: o.name, at: o.at, day: o.day })),
      today: used[used.length - 1].day === today,
      nextDay: addDays(freeing.day, rule.everyDays),
    },
  };
}

/** HH:MM of an instant in Asia/Shanghai (DESIGN rule 7). */
export function shanghaiClock(at: string): string {
  return new Date(Date.parse(at) + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}
