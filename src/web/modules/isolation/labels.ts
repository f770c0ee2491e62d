import { CATEGORY_LABELS, SOURCE_LABELS } from '../../../domain/isolation/keyPerson';
import { MEASURE_LABELS } from '../../../domain/isolation/measures';
import { SYMPTOM_LABELS } from '../../../domain/ledger/colour/facts';
import type { Language } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

// The domain's names of categories, sources, measures and symptoms, in the UI's language.

const label = (table: Record<string, Record<Language, string>>, lang: Language) => (code: string | null) =>
  code ? (table[code]?.[lang] ?? code) : '';

export function isolationLabels(lang: Language) {
  return {
    category: label(CATEGORY_LABELS, lang),
    source: label(SOURCE_LABELS, lang),
    measure: label(MEASURE_LABELS, lang),
    symptom: label(SYMPTOM_LABELS, lang),
    symptoms: (list: readonly string[]) =>
      list.map((s) => label(SYMPTOM_LABELS, lang)(s)).join(lang === 'en' ? ', ' : '、'),
  };
}
export type IsolationLabels = ReturnType<typeof isolationLabels>;

export function useIsolationLabels(): IsolationLabels {
  const [lang] = useLanguage();
  return isolationLabels(lang);
}

/** Colours of the measures' tags: isolation red and orange, observation gold, monitoring blue. */
export const MEASURE_COLOURS: Record<string, string> = {
  centralised: 'red',
  home_isolation: 'volcano',
  home_observation: 'gold',
  health_monitoring: 'blue',
};
