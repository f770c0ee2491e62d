import { describe, expect, it } from 'vitest';
import { patternNameIn, shiftLabelIn } from './presetNames';
import { PATTERN_PRESETS } from './shiftPatterns';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('preset names', () => {
  it('reads every preset pattern and shift in English, and keeps them in Chinese', () => {
    for (const p of Object.values(PATTERN_PRESETS)) {
      expect(patternNameIn(p.name, 'en')).not.toMatch(CJK);
      expect(patternNameIn(p.name, 'zh-CN')).toBe(p.name);
      for (const s of p.shifts) {
        expect(shiftLabelIn(s.label, 'en'), s.label).not.toMatch(CJK);
        expect(shiftLabelIn(s.label, 'zh-CN')).toBe(s.label);
      }
    }
    expect(patternNameIn('三班倒', 'en')).toBe('Three shifts');
    expect(shiftLabelIn('上午班', 'en')).toBe('Morning');
  });

  it('keeps what an office named itself as typed', () => {
    expect(patternNameIn('卡口专班', 'en')).toBe('卡口专班');
    expect(shiftLabelIn('早高峰', 'en')).toBe('早高峰');
  });
});
