import { customPinyin, pinyin } from 'pinyin-pro';

// Place names whose reading the pinyin dictionary gets wrong (地名读音): 浚县 is Xùn xiàn, 泌阳 Bì yáng,
// 召陵 Shào líng.
customPinyin({ 浚县: 'xùn xiàn', 浚州: 'xùn zhōu', 泌阳: 'bì yáng', 召陵: 'shào líng' });

// Pinyin initials for search: 省民航社区 → smhsq, so that typing `smh` finds it. Non-Han characters
// (digits, letters) are kept, lower-cased.
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The text a unit is searched by: its name, its initials and its official name. */
export function unitSearchText(name: string, officialName?: string | null): string {
  return `${name} ${pinyinInitials(name)} ${officialName ?? ''}`.trim().toLowerCase();
}

/** Answers kept per name (names repeat a lot in a ledger), bounded. */
function memo(compute: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let v = cache.get(name);
    if (v === undefined) {
      v = compute(name);
      if (cache.size > 200_000) cache.clear();
      cache.set(name, v);
    }
    return v;
  };
}

/** A person's name in pinyin syllables (or initials), the surname read as a surname, ü as v. */
function personSyllables(name: string, pattern: 'pinyin' | 'first'): string {
  return pinyin(name, {
    pattern,
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    surname: 'head',
    v: true,
  })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** A person's initials, the surname read as a surname (单 shan, 曾 zeng, 仇 qiu): 张伟 → zw. */
export const personInitials = memo((name) => personSyllables(name, 'first'));

/**
 * A person's full pinyin without tones or spaces, as typed on a phone's latin keyboard: 周明德 → zhoumingde,
 * 吕 → lv (ü is typed v), 单雄信 → shanxiongxin.
 */
export const personPinyin = memo((name) => personSyllables(name, 'pinyin'));
