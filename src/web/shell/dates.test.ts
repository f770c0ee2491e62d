import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatDay } from './dates';

describe('dates', () => {
  it('writes an instant in Asia/Shanghai as 2020-02-05 14:30, whatever the zone it came in', () => {
    expect(formatDateTime('2020-02-05T06:30:05Z')).toBe('2020-02-05 14:30');
    expect(formatDateTime('2020-02-05T14:30:05+08:00', { seconds: true })).toBe('2020-02-05 14:30:05');
    expect(formatDateTime(Date.UTC(2020, 1, 4, 16, 0))).toBe('2020-02-05 00:00');
  });

  it('crosses the day at midnight in Shanghai, not in UTC', () => {
    expect(formatDay('2020-02-04T16:00:00Z')).toBe('2020-02-05');
    expect(formatDay('2020-02-04T15:59:59Z')).toBe('2020-02-04');
    expect(formatClock('2020-02-04T15:59:59Z')).toBe('23:59');
  });

  it('shows what is no instant as it came', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatClock('')).toBe('');
  });
});
