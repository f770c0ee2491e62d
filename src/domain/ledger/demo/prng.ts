// A small seeded pseudo-random generator for the demo data: the same seed gives the same city on every
// run and every machine. mulberry32 (Tommy Ettinger's 32-bit generator, the one tools/bench uses too):
// one 32-bit state, a period of 2^32, good enough statistics for synthetic data, and fast — a few integer
// multiplications per draw. Not for anything secret.

/** A seeded generator with the helpers the demo needs. */
export class Prng {
  private state: number;

  /** Any number; its low 32 bits are the seed. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform integer in [0, n), for n ≥ 1. */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniform element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/**
 * Items with weights, for drawing many times: the cumulative weights are computed once, and a draw is a
 * binary search (a hundred items take seven comparisons).
 */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  /** Weights must be finite and ≥ 0, and at least one > 0. */
  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`weight must be finite and ≥ 0: ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('a weighted table needs a positive weight');
    this.total = sum;
  }

  /** The probability of the item at index i. */
  probability(i: number): number {
    return (this.cumulative[i] - (i === 0 ? 0 : this.cumulative[i - 1])) / this.total;
  }

  /** Draws one item, each with probability weight / total. */
  pick(rng: Prng): T {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < c[mid]) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
