import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../validators/idNumber';
import { isPlaceCode } from '../colours';
import { henanOrigins, otherProvinceOrigins, travelPlaces } from './places';

describe('places', () => {
  it('issues ID numbers in real-looking counties: Henan (41) and other provinces, never the own county', () => {
    const henan = henanOrigins('410105').items;
    const other = otherProvinceOrigins('410105').items;
    expect(henan.length).toBeGreaterThan(30);
    expect(other.length).toBeGreaterThan(20);
    expect(henan).not.toContain('410105');
    expect(henanOrigins('410102').items).not.toContain('410102');
    for (const c of henan) expect(c).toMatch(/^41\d{4}$/);
    for (const c of other) {
      expect(c).toMatch(/^\d{6}$/);
      expect(c.startsWith('41')).toBe(false);
      expect(PROVINCE_CODES.has(c.slice(0, 2))).toBe(true);
    }
  });

  it('knows places of stay with a valid code and a name, each code once', () => {
    const places = travelPlaces();
    for (const [p, w] of places) {
      expect(isPlaceCode(p.code)).toBe(true);
      expect(p.name.length).toBeGreaterThan(0);
      expect(w).toBeGreaterThan(0);
    }
    expect(new Set(places.map(([p]) => p.code)).size).toBe(places.length);
    // Wuhan, the rest of Henan, abroad, and Zhengzhou itself are all there
    const codes = places.map(([p]) => p.code);
    for (const c of ['4201', '420106', '4115', 'TH', '410183']) expect(codes).toContain(c);
  });
});
