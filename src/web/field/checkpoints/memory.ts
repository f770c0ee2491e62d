// What the phone remembers between passages (localStorage, this phone only): the last plates, the last
// destinations and the direction last used. Nothing personal is kept: a plate and a unit name only.

const PLATES = 'wangge.checkpoint.plates';
const DESTINATIONS = 'wangge.checkpoint.destinations';
const DIRECTION = 'wangge.checkpoint.direction';
export const REMEMBERED = 8;

export interface Destination {
  code: string;
  name: string;
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or full: the phone just does not remember
  }
}

/** the newest first, once each, at most `max` */
export function remember<T>(
  list: readonly T[],
  item: T,
  same: (a: T, b: T) => boolean,
  max = REMEMBERED,
): T[] {
  return [item, ...list.filter((x) => !same(x, item))].slice(0, max);
}

export const recentPlates = (): string[] => read<string[]>(PLATES, []);
export const rememberPlate = (plate: string) =>
  write(
    PLATES,
    remember(recentPlates(), plate, (a, b) => a === b),
  );
export const recentDestinations = (): Destination[] => read<Destination[]>(DESTINATIONS, []);
export const rememberDestination = (d: Destination) =>
  write(
    DESTINATIONS,
    remember(recentDestinations(), d, (a, b) => a.code === b.code),
  );
export const lastDirection = (): 'in' | 'out' => (read<string>(DIRECTION, 'in') === 'out' ? 'out' : 'in');
export const rememberDirection = (d: 'in' | 'out') => write(DIRECTION, d);
