// Placeholders: what offices write in a cell that holds no value. An empty household (空户) often has
// （空户）, 空, 暂无人员 where the name goes, and /, —, 无 in every other column; a resident's row may have
// 无 or / for a phone they do not have. A placeholder is no value: a placeholder name is no resident.
// Only a whole cell is a placeholder: a real name is never rewritten (吴无忌, 空海 and 王无 stay names).
// Pure, no I/O.

import { removeSpaces, toHalfWidth } from '../../validators/text';

/**
 * What a placeholder says: 'empty', nobody lives here (空户, （空户）, 空, 无人, 暂无人员, vacant);
 * 'none', nothing is written here (无, 暂无, 没有, /, —, -, N/A).
 */
export type Placeholder = 'empty' | 'none';

/** The words that say nobody lives at the door (compared half-width, without spaces, lower-case). */
const EMPTY_WORDS = new Set([
  '空户',
  '空房',
  '空置',
  '空置房',
  '空置户',
  '空房户',
  '空',
  '无人',
  '无人住',
  '无人居住',
  '暂无人住',
  '暂无人居住',
  '无人员',
  '暂无人员',
  '无住户',
  '暂无住户',
  '无居民',
  '暂无居民',
  '未入住',
  '暂未入住',
  '闲置',
  '空宅',
  'empty',
  'vacant',
]);

/**
 * The words that say nothing is written: no name, no phone, no ID number. (不详, unknown, is not one:
 * an unknown birth date or phone is worth an error asking for it.)
 */
const NONE_WORDS = new Set(['无', '暂无', '没有', 'n/a', 'na', 'null', 'none', 'nil']);

/** Brackets a placeholder is often written in: (空户), （空户）, 【空户】, [无]. */
const BRACKETS = /^[([【〔<《「『]+|[)\]】〕>》」』]+$/g;

/** A cell of marks only: dashes, slashes, dots, underscores, tildes (/, —, －, --, ……, ～). */
const MARKS_ONLY = /^[-‐‑‒–—―─━﹘﹣－_~～〜·•.。…/\\|／＼、,，*]+$/u;

/** The form placeholders are compared in: half-width, no spaces, lower-case, outer brackets removed. */
function placeholderKey(text: string): string {
  return removeSpaces(toHalfWidth(text)).toLowerCase().replace(BRACKETS, '');
}

/**
 * The placeholder a cell's text is, or undefined when it is a value (or blank). A whole cell only: 空户
 * and （空户） are placeholders, 吴无忌 and 空海 are names.
 */
export function placeholderOf(text: string): Placeholder | undefined {
  const raw = removeSpaces(toHalfWidth(text));
  if (raw === '') return undefined;
  if (MARKS_ONLY.test(raw)) return 'none';
  const key = placeholderKey(text);
  if (key === '') return 'none'; // only brackets: （）
  if (EMPTY_WORDS.has(key)) return 'empty';
  if (NONE_WORDS.has(key)) return 'none';
  return undefined;
}

/** A placeholder of either kind. */
export function isPlaceholder(text: string): boolean {
  return placeholderOf(text) !== undefined;
}
