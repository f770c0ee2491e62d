import { colourLabel, type HouseholdColour } from '../../../../domain/ledger/colours';
import { useLedgerDay } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';

/**
 * What a colour means in the UI language, in the words of the deployment's ledger: 重点关注户 / key
 * attention; yellow and green name the city of the colour policy's home area (非疫区返郑无症状户,
 * 未离郑无症状户), the same words as the export and the template (ledger/colour/palette.ts).
 */
export function useColourMeaning(): (c: HouseholdColour) => string {
  const [lang] = useLanguage();
  const home = useLedgerDay().data?.policy.homeAreaCode;
  return (c) => colourLabel(c, lang, home);
}
