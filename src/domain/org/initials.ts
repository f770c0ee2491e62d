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
function memo<T>(compute: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
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
function personSyllables(name: string, pattern: 'pinyin' | 'first'): string[] {
  return pinyin(name, {
    pattern,
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    surname: 'head',
    v: true,
  });
}

const joined = (syllables: readonly string[]) => syllables.join('').replace(/\s+/g, '').toLowerCase();
const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * The words a person is searched by: initials and full pinyin. A name of Han characters only (nearly every
 * name) is read once, its initials being the first letter of each syllable (the same as pinyin-pro's
 * 'first' pattern gives: zh, ch and sh start with z, c and s; checked on 60,000 names); a name with other
 * characters (Tom张, 王·小明) is read twice, as non-Han runs keep their own form in each pattern. The
 * import and the demo generator ask this for every resident: one reading instead of two is about a
 * third of the time.
 */
export const personSearchWords = memo((name: string): { initials: string; pinyin: string } => {
  const syllables = personSyllables(name, 'pinyin');
  if (HAN_ONLY.test(name))
    return { initials: joined(syllables.map((s) => [...s][0] ?? '')), pinyin: joined(syllables) };
  return { initials: joined(personSyllables(name, 'first')), pinyin: joined(syllables) };
});

/** A person's initials, the surname read as a surname (单 shan, 曾 zeng, 仇 qiu): 张伟 → zw. */
export const personInitials = (name: string): string => personSearchWords(name).initials;

/**
 * A person's full pinyin without tones or spaces, as typed on a phone's latin keyboard: 周明德 → zhoumingde,
 * 吕 → lv (ü is typed v), 单雄信 → shanxiongxin.
 */
export const personPinyin = (name: string): string => personSearchWords(name).pinyin;
