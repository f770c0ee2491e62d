import { patternNameIn, shiftLabelIn } from '../../../domain/forces/presetNames';
import { currentLanguage } from '../../i18n';

/** A pattern's name in the UI language: the presets' 两班 reads Two shifts in English, a typed name as typed. */
export function patternName(name: string): string {
  return patternNameIn(name, currentLanguage());
}

/** A shift's label in the UI language: 上午班 reads Morning in English, a typed label as typed. */
export function shiftLabel(label: string): string {
  return shiftLabelIn(label, currentLanguage());
}
