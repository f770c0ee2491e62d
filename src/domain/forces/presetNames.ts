import type { Locale } from '../i18n/messages';
import { PATTERN_PRESETS, type PatternPresetKey, PRESET_SHIFT_LABELS } from './shiftPatterns';

// The presets' names as a user reads them. A facility's pattern and its shifts are stored as named
// (两班, 上午班 …): the presets' own Chinese names read in English as below, and a name an office typed
// itself stays as typed in both languages.

const PRESET_NAMES_EN: Record<PatternPresetKey, string> = {
  two_day: 'Two shifts',
  three_shifts: 'Three shifts',
  four_shifts: 'Four shifts',
};

const PATTERN_NAMES_EN = new Map(
  (Object.keys(PATTERN_PRESETS) as PatternPresetKey[]).map((k) => [
    PATTERN_PRESETS[k].name,
    PRESET_NAMES_EN[k],
  ]),
);

/** 两班 → Two shifts in English; any other name as it is. */
export function patternNameIn(name: string, locale: Locale): string {
  return locale === 'en' ? (PATTERN_NAMES_EN.get(name.trim()) ?? name) : name;
}

/** 上午班 → Morning in English; any other label as it is. */
export function shiftLabelIn(label: string, locale: Locale): string {
  return locale === 'en' ? (PRESET_SHIFT_LABELS[label.trim()]?.en ?? label) : label;
}
