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

const initialsCache = new Map<string, string>();

/**
 * A person's initials, the surname read as a surname (单 shan, 曾 zeng, 仇 qiu): 张伟 → zw. Names repeat
 * a lot in a ledger, so the answers are kept (bounded).
 */
export function personInitials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, {
      pattern: 'first',
      toneType: 'none',
      type: 'array',
      nonZh: 'consecutive',
      surname: 'head',
    })
      .join('')
      .replace(/\s+/g, '')
      .toLowerCase();
    if (initialsCache.size > 200_000) initialsCache.clear();
    initialsCache.set(name, v);
  }
  return v;
}
