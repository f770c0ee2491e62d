import { dayOfPeriod } from '../../../domain/isolation/measures';

/** The days of a period, first to last inclusive (14 for 1 to 14 February). */
export function periodDays(startsOn: string, lastDay: string): number {
  return dayOfPeriod(startsOn, lastDay);
}
