// The one-character names a city's notices use for it (返郑人员: people back in Zhengzhou; 返焦, 返许 …),
// for the prefecture-level cities of Henan, where the reports come from, with their English names. The
// ledger names its yellow and green households after the deployment's city this way
// (非疫区返郑无症状户, 未离郑无症状户: ledger/colour/palette.ts). A city not listed gets the plain words.

export interface CityName {
  /** 郑 */
  abbr: string;
  /** Zhengzhou */
  en: string;
}

/** By the four-digit city code of GB/T 2260. */
const CITY_NAMES: Record<string, CityName> = {
  '4101': { abbr: '郑', en: 'Zhengzhou' },
  '4102': { abbr: '汴', en: 'Kaifeng' },
  '4103': { abbr: '洛', en: 'Luoyang' },
  '4104': { abbr: '平', en: 'Pingdingshan' },
  '4105': { abbr: '安', en: 'Anyang' },
  '4106': { abbr: '鹤', en: 'Hebi' },
  '4107': { abbr: '新', en: 'Xinxiang' },
  '4108': { abbr: '焦', en: 'Jiaozuo' },
  '4109': { abbr: '濮', en: 'Puyang' },
  '4110': { abbr: '许', en: 'Xuchang' },
  '4111': { abbr: '漯', en: 'Luohe' },
  '4113': { abbr: '宛', en: 'Nanyang' },
  '4114': { abbr: '商', en: 'Shangqiu' },
  '4115': { abbr: '信', en: 'Xinyang' },
  '4116': { abbr: '周', en: 'Zhoukou' },
  '4117': { abbr: '驻', en: 'Zhumadian' },
  '4190': { abbr: '济', en: 'Jiyuan' },
};

/**
 * The city of an area code: a city ('4101', '410100') or anything under it ('410105', a county of
 * Zhengzhou). Undefined for a province ('41') or a city not listed.
 */
export function cityOfArea(areaCode: string | undefined): CityName | undefined {
  const code = areaCode?.trim() ?? '';
  return /^\d{4}/.test(code) ? CITY_NAMES[code.slice(0, 4)] : undefined;
}
