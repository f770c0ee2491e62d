// The colours of generated households, derived by the ledger's rules (deriveColour) with a memory.
// deriveColour is a pure function of the facts, the policy and the day, and the generator's households
// repeat themselves: most have residents with no dated facts at all, and many others are the same
// family coming back from the same place on the same days. So each distinct set of facts is derived
// once and its colour reused for every household whose facts are equal — never guessed, never drawn.
// At 12 million residents this spares about two thirds of the calls: most of the generator's time
// went to deriveColour (it validates the policy and every date on each call).

import { type ColourPolicy, deriveColour, type HouseholdColour } from '../colours';
import type { DemoFacts } from './facts';

/** What the memo reads of a resident. */
export interface FactsHolder {
  facts: DemoFacts;
}

/**
 * A key that is equal for two households exactly when their facts are equal: every field the facts
 * can hold, in a fixed order, with fixed-width dates and separators that codes, kinds and numbers
 * cannot contain; place names (free text) go by a number given to each distinct name.
 */
export class FactsKeys {
  private readonly names = new Map<string, number>();

  key(residents: readonly FactsHolder[]): string {
    let k = '';
    for (let i = 0; i < residents.length; i++) {
      const f = residents[i].facts;
      k += f.present === false ? '|a' : f.present === true ? '|P' : '|p';
      // a list that is there but empty is told apart from no list: 'H', 'T', 'C', 'I'
      if (f.health) {
        k += 'H';
        for (const h of f.health) {
          k += `h${h.date}${h.temperatureC === undefined ? '' : h.temperatureC}/${h.symptoms === undefined ? '-' : h.symptoms.join(',')};`;
        }
      }
      if (f.travel) {
        k += 'T';
        for (const t of f.travel) {
          k += `t${t.placeCode}#${t.placeName === undefined ? '' : this.nameNumber(t.placeName)}#${t.from ?? ''}:${t.to ?? ''}:${t.recordedOn ?? ''}:${t.undated ?? ''};`;
        }
      }
      if (f.contacts) {
        k += 'C';
        for (const c of f.contacts) k += `c${c.kind}${c.date};`;
      }
      if (f.isolation) {
        k += 'I';
        for (const p of f.isolation)
          k += `i${p.kind}${p.from === undefined ? '' : p.from}:${p.to === undefined ? '' : p.to};`;
      }
    }
    return k;
  }

  private nameNumber(name: string): number {
    let n = this.names.get(name);
    if (n === undefined) {
      n = this.names.size;
      this.names.set(name, n);
    }
    return n;
  }
}

/** deriveColour(facts, policy, today).colour, derived once per distinct set of facts. */
export class ColourMemo {
  /** how many households asked, and how many of them deriveColour was run for */
  readonly stats = { households: 0, derived: 0 };
  private readonly keys = new FactsKeys();
  private readonly known = new Map<string, HouseholdColour>();
  /** households whose residents have no dated facts, by pattern (see `plainPattern`) */
  private readonly plain: (HouseholdColour | undefined)[] = new Array(1 << 12).fill(undefined);

  /** `maxKeys` bounds the memory: past it, new facts are still derived, but no longer remembered. */
  constructor(
    private readonly policy: ColourPolicy,
    private readonly today: string,
    private readonly maxKeys = 250_000,
  ) {}

  colourOf(residents: readonly FactsHolder[]): HouseholdColour {
    this.stats.households++;
    const pattern = plainPattern(residents);
    if (pattern >= 0) {
      let colour = this.plain[pattern];
      if (colour === undefined) {
        colour = this.derive(residents);
        this.plain[pattern] = colour;
      }
      return colour;
    }
    const key = this.keys.key(residents);
    let colour = this.known.get(key);
    if (colour === undefined) {
      colour = this.derive(residents);
      if (this.known.size < this.maxKeys) this.known.set(key, colour);
    }
    return colour;
  }

  private derive(residents: readonly FactsHolder[]): HouseholdColour {
    this.stats.derived++;
    return deriveColour({ residents: residents.map((r) => r.facts) }, this.policy, this.today).colour;
  }
}

/**
 * The facts of a household of up to 8 residents none of whom has a list of facts (only `present`
 * unset or false), as a number: the count (4 bits), then a bit per resident who lives there. Equal
 * numbers are equal facts. -1 for any other household, which goes by its key.
 */
function plainPattern(residents: readonly FactsHolder[]): number {
  if (residents.length > 8) return -1;
  let pattern = residents.length;
  for (let i = 0; i < residents.length; i++) {
    const f = residents[i].facts;
    if (f.health || f.travel || f.contacts || f.isolation || f.present === true) return -1;
    if (f.present !== false) pattern |= 1 << (4 + i);
  }
  return pattern;
}
