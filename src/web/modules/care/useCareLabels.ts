import { useLanguage } from '../../i18n/useLanguage';
import { type CareLabels, careLabels } from './labels';

/** The care's words (kinds, units, help, states) in the UI's language. */
export function useCareLabels(): CareLabels {
  const [lang] = useLanguage();
  return careLabels(lang);
}
