import { describe, expect, it } from 'vitest';
import { platformInstant } from './platformTime';

describe('the platform time on the phone', () => {
  const phoneAt = Date.parse('2025-06-01T02:00:00Z');
  it('is the phone time without a kept clock', () => {
    expect(platformInstant(undefined, phoneAt)).toBe(phoneAt);
  });

  it('sets a phone clock that runs 3 minutes fast right', () => {
    const kept = { today: '2025-06-01', now: '2025-06-01T01:57:00.000Z', phoneAt };
    expect(platformInstant(kept, phoneAt + 3_600_000)).toBe(Date.parse('2025-06-01T02:57:00Z'));
  });

  it('keeps a replayed day at the phone time of day, the next real day too', () => {
    const kept = { today: '2020-02-05', now: '2020-02-05T02:00:00.000Z', phoneAt };
    expect(new Date(platformInstant(kept, phoneAt + 3_600_000)).toISOString()).toBe(
      '2020-02-05T03:00:00.000Z',
    );
    expect(new Date(platformInstant(kept, phoneAt + 86_400_000)).toISOString()).toBe(
      '2020-02-05T02:00:00.000Z',
    );
  });
});
