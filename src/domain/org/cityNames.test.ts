import { describe, expect, it } from 'vitest';
import { cityOfArea } from './cityNames';

describe('cityOfArea', () => {
  it('finds the city of a city or county code, in its short and long forms', () => {
    expect(cityOfArea('4101')).toEqual({ abbr: '郑', en: 'Zhengzhou' });
    expect(cityOfArea('410100')).toEqual({ abbr: '郑', en: 'Zhengzhou' });
    expect(cityOfArea('410105')?.abbr).toBe('郑');
    expect(cityOfArea('4113')?.abbr).toBe('宛');
  });

  it('has none for a province, a city not listed or nothing', () => {
    expect(cityOfArea('41')).toBeUndefined();
    expect(cityOfArea('1101')).toBeUndefined();
    expect(cityOfArea(undefined)).toBeUndefined();
    expect(cityOfArea('')).toBeUndefined();
  });
});
