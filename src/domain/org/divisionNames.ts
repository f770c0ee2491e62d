import { pinyinInitials, unitSearchText } from './initials';

// Names of official divisions (行政区划). The statistical list names a village-level unit by its
// committee: 省民航社区居民委员会 (residents' committee 居民委员会 of a community 社区), 东赵村民委员会
// (villagers' committee 村民委员会 of a village 村). People say 省民航社区 and 东赵村; that short name is
// what the product shows, and the official name is kept beside it.

// The committee words as the list spells them, typing slips included (委员会, 委会, 员委会, 委委会,
// 委员会会 …): 委, then any of 员委会, ending in 会.
// A residents' committee after a name that already ends in 社区: 社区居民委员会, 社区居委会,
// 社区居民管理委员会, 社区民居委员会, 社区委员会 …
const COMMUNITY_COMMITTEE = /社区[居民]{0,3}(?:管理)?委[员委会]*会$/;
// A villagers' committee: 村民委员会, 村委会, 村村委员会, 村民村委员会, 村民员委会 …
const VILLAGERS_COMMITTEE = /村民?村?员?委[员委会]*会$/;
// A residents' committee after a bare place name: 西大街居民委员会 is 西大街社区.
const RESIDENTS_COMMITTEE = /居民?(?:管理)?委[员委会]*会$/;

// Words a short name may already end in, so that nothing is appended twice (张村村民委员会 → 张村,
// 金溪湖社区霍村居民委员会 → 金溪湖社区霍村, 嘎查 is the village of Inner Mongolia).
const ENDS_AS_SETTLEMENT = /(?:社区|村|嘎查)$/;

/**
 * The short display name of an official division: the committee suffix of a village-level name
 * becomes 社区 or 村 (省民航社区居民委员会 → 省民航社区, 东赵村民委员会 → 东赵村, 七星街居委会 → 七星街社区).
 * Every other name (省、市、区县、街道、乡镇, 生活区, 管理区 …) is kept as it is, trimmed.
 */
export function shortDivisionName(official: string): string {
  const name = official.trim();
  if (COMMUNITY_COMMITTEE.test(name)) return name.replace(COMMUNITY_COMMITTEE, '社区');
  if (VILLAGERS_COMMITTEE.test(name)) return settlement(name.replace(VILLAGERS_COMMITTEE, ''), '村', name);
  if (RESIDENTS_COMMITTEE.test(name)) return settlement(name.replace(RESIDENTS_COMMITTEE, ''), '社区', name);
  return name;
}

/** The place a committee serves: 东赵 + 村; a name that is nothing but the committee stays as it is. */
function settlement(base: string, word: string, official: string): string {
  if (base === '') return official;
  return ENDS_AS_SETTLEMENT.test(base) ? base : `${base}${word}`;
}

/** Name, initials and search text of a division from its official name. */
export function divisionNames(officialName: string): { name: string; initials: string; searchText: string } {
  const name = shortDivisionName(officialName);
  return { name, initials: pinyinInitials(name), searchText: unitSearchText(name, officialName.trim()) };
}

/** What an official unit is, more precisely than its kind: a town-level unit is a street (街道) or a town
 * (乡镇); a village-level unit a community (社区, a residents' committee) or a village (村). */
export type DivisionVariant = 'street' | 'town' | 'community' | 'village';

/**
 * The variant of a town- or village-level unit, from its official name (the committee says it) or else
 * its short name: 省民航社区 is a community, 东赵村 a village, 花园路街道 a street, 古荥镇 a town. Undefined
 * for other kinds, and when neither name says.
 */
export function divisionVariant(
  kind: string,
  name: string,
  officialName?: string | null,
): DivisionVariant | undefined {
  const official = officialName?.trim() ?? '';
  const short = name.trim();
  if (kind === 'village') {
    if (COMMUNITY_COMMITTEE.test(official) || RESIDENTS_COMMITTEE.test(official)) return 'community';
    if (VILLAGERS_COMMITTEE.test(official)) return 'village';
    if (/社区$/.test(short)) return 'community';
    if (/(?:村|嘎查)$/.test(short)) return 'village';
  }
  if (kind === 'town') {
    for (const n of [official, short]) {
      if (/(?:街道|街道办事处)$/.test(n)) return 'street';
      if (/(?:镇|乡|苏木)$/.test(n)) return 'town';
    }
  }
  return undefined;
}
