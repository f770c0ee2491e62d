// The words ledger sheets use in their coded columns — sex, relation to the head, ID type, yes/no marker
// columns, "empty household" — read into canonical codes. Pure, no I/O. Colours and markers have their
// own vocabularies in ../colours.ts and ../markers.ts.

import type { Locale } from '../../i18n/messages';
import type { Sex } from '../../validators/idNumber';
import { removeSpaces, toHalfWidth } from '../../validators/text';
import { type Marker, parseMarker } from '../markers';
import { placeholderOf } from './placeholders';

/** half-width, no spaces, lower-case: the form words are compared in */
function wordKey(text: string): string {
  return removeSpaces(toHalfWidth(text)).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------
// Sex 性别

export const SEX_LABELS: Record<Sex, Record<Locale, string>> = {
  male: { 'zh-CN': '男', en: 'male' },
  female: { 'zh-CN': '女', en: 'female' },
};

const SEX_WORDS: Record<string, Sex> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  '1': 'male', // GB/T 2261.1: 1 男
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  '2': 'female', // GB/T 2261.1: 2 女
};

/** 男/女, 男性/女性, M/F, male/female, and the codes 1/2 of GB/T 2261.1. Undefined for anything else. */
export function parseSex(text: string): Sex | undefined {
  return SEX_WORDS[wordKey(text)];
}

// ---------------------------------------------------------------------------------------------------
// Relation to the head of household 与户主关系

export const RELATIONS = [
  'head',
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'father_in_law',
  'mother_in_law',
  'son_in_law',
  'daughter_in_law',
  'grandson',
  'granddaughter',
  'grandfather',
  'grandmother',
  'brother',
  'sister',
  'tenant',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The labels (and the template's dropdown values, zh-CN). */
export const RELATION_LABELS: Record<Relation, Record<Locale, string>> = {
  head: { 'zh-CN': '户主', en: 'head of household' },
  spouse: { 'zh-CN': '配偶', en: 'spouse' },
  son: { 'zh-CN': '子', en: 'son' },
  daughter: { 'zh-CN': '女', en: 'daughter' },
  father: { 'zh-CN': '父亲', en: 'father' },
  mother: { 'zh-CN': '母亲', en: 'mother' },
  father_in_law: { 'zh-CN': '岳父/公公', en: 'father-in-law' },
  mother_in_law: { 'zh-CN': '岳母/婆婆', en: 'mother-in-law' },
  son_in_law: { 'zh-CN': '女婿', en: 'son-in-law' },
  daughter_in_law: { 'zh-CN': '儿媳', en: 'daughter-in-law' },
  grandson: { 'zh-CN': '孙子', en: 'grandson' },
  granddaughter: { 'zh-CN': '孙女', en: 'granddaughter' },
  grandfather: { 'zh-CN': '祖父', en: 'grandfather' },
  grandmother: { 'zh-CN': '祖母', en: 'grandmother' },
  brother: { 'zh-CN': '兄弟', en: 'brother' },
  sister: { 'zh-CN': '姐妹', en: 'sister' },
  tenant: { 'zh-CN': '租户', en: 'tenant' },
  other: { 'zh-CN': '其他', en: 'other' },
};

const RELATION_WORDS: Record<string, Relation> = {};
for (const [relation, words] of Object.entries({
  head: '户主 本人 户主本人 自己 head headofhousehold self',
  spouse: '配偶 妻 妻子 之妻 夫 丈夫 之夫 爱人 老婆 老公 spouse wife husband',
  son: '之子 son',
  daughter: '之女 daughter',
  father: '父 父亲 爸爸 father',
  mother: '母 母亲 妈妈 mother',
  father_in_law: '岳父 公公 公爹 father-in-law',
  mother_in_law: '岳母 婆婆 mother-in-law',
  son_in_law: '女婿 son-in-law',
  daughter_in_law: '儿媳 儿媳妇 媳妇 daughter-in-law',
  grandson: '孙 孙子 外孙 外孙子 grandson',
  granddaughter: '孙女 外孙女 grandaughter granddaughter',
  grandfather: '祖父 爷爷 外祖父 外公 姥爷 grandfather',
  grandmother: '祖母 奶奶 外祖母 外婆 姥姥 grandmother',
  brother: '兄 弟 哥 哥哥 弟弟 兄弟 brother',
  sister: '姐 妹 姐姐 妹妹 姐妹 sister',
  tenant: '租户 租客 租房 租住 房客 承租人 tenant',
  other: '其他 其它 other',
} satisfies Record<Relation, string>)) {
  for (const w of words.split(' ')) RELATION_WORDS[w] = relation as Relation;
}
/** 子, 儿子, 长子, 次子, 独生子 …; 女, 女儿, 长女, 次女 … */
const CHILD = /^(?:长|次|三|四|五|六|幼|小|独生)?(子|儿子|女|女儿)$/;

export interface ParsedRelation {
  relation: Relation;
  /** the sheet's own word, kept when it is not one of the known relations (then relation is 'other') */
  text?: string;
}

/**
 * A relation to the head as ledgers write it: 户主/本人, 配偶/妻/丈夫, 子/长子/儿子, 女/次女, 父亲, 母亲,
 * 孙子, 孙女, 儿媳, 女婿, 其他 … Words it does not know (外甥, 保姆) are kept as written, as 'other', so
 * that nothing the sheet says is lost. Undefined for a blank cell.
 */
export function parseRelation(text: string): ParsedRelation | undefined {
  const k = wordKey(text);
  if (k === '') return undefined;
  const known = RELATION_WORDS[k];
  if (known) return { relation: known };
  const child = CHILD.exec(k);
  if (child) return { relation: child[1].endsWith('子') ? 'son' : 'daughter' };
  return { relation: 'other', text: text.trim() };
}

// ---------------------------------------------------------------------------------------------------
// ID document type 证件类型

export const ID_TYPES = [
  'resident_id',
  'residence_permit',
  'foreign_permanent',
  'passport',
  'hk_macao_pass',
  'taiwan_pass',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, Record<Locale, string>> = {
  resident_id: { 'zh-CN': '居民身份证', en: 'resident ID card' },
  residence_permit: { 'zh-CN': '港澳台居民居住证', en: 'residence permit (HK, Macao, Taiwan)' },
  foreign_permanent: { 'zh-CN': '外国人永久居留身份证', en: "foreigner's permanent residence ID" },
  passport: { 'zh-CN': '护照', en: 'passport' },
  hk_macao_pass: { 'zh-CN': '港澳居民来往内地通行证', en: 'Mainland travel permit (HK, Macao)' },
  taiwan_pass: { 'zh-CN': '台湾居民来往大陆通行证', en: 'Mainland travel permit (Taiwan)' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** The types whose number is an 18-character GB 11643 number with a check character. */
export const CHECKED_ID_TYPES: ReadonlySet<IdType> = new Set([
  'resident_id',
  'residence_permit',
  'foreign_permanent',
]);

/**
 * An ID type as written: 身份证/居民身份证, 居住证, 永久居留证, 护照, 港澳通行证/回乡证, 台胞证 … or the
 * codes and English names. Undefined when it is none of them (and for a blank cell).
 */
export function parseIdType(text: string): IdType | undefined {
  const k = wordKey(text);
  if (k === '') return undefined;
  const code = ID_TYPES.find((t) => t === k.replace(/-/g, '_'));
  if (code) return code;
  if (k.includes('居住证') || k.includes('residencepermit')) return 'residence_permit';
  if (k.includes('永久居留') || k.includes('绿卡') || k.includes('permanentresidence'))
    return 'foreign_permanent';
  if (k.includes('身份证') || k === '二代证' || k === 'id' || k === 'idcard') return 'resident_id';
  if (k.includes('护照') || k === 'passport') return 'passport';
  if (k.includes('港澳') || k.includes('回乡证')) return 'hk_macao_pass';
  if (k.includes('台湾') || k.includes('台胞')) return 'taiwan_pass';
  if (k === '其他' || k === '其它' || k === 'other') return 'other';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Yes/no columns (党员, 低保, 残疾 …) and the empty household 空户

const YES_WORDS = new Set(['是', '有', '√', '✓', '✔', '☑', 'y', 'yes', 'true', '1', '★', '☆', '♥', '❤', '●']);
const NO_WORDS = new Set([
  '否',
  '无',
  '没有',
  '不是',
  '非',
  'n',
  'no',
  'false',
  '0',
  '×',
  '✗',
  '✘',
  'x',
  '-',
  '--',
  '—',
  '——',
  '/',
  '\\',
]);

/** An explicit yes: 是, 有, √, Y, yes, TRUE, 1, ★ … */
export function isYes(text: string): boolean {
  return YES_WORDS.has(wordKey(text));
}

/**
 * A cell of a yes/no column (a column headed 低保 or 残疾): anything written there means yes — 是, √, ★,
 * or a description such as 肢体二级 — except blanks and the words for no: 否, 无, ×, N, 0, -, /, and
 * words that start with 非 or 不 (非低保).
 */
export function parseFlag(text: string): boolean {
  const k = wordKey(text);
  if (k === '' || NO_WORDS.has(k)) return false;
  return !/^[非不]/.test(k);
}

/** members of the eight democratic parties (民主党派), who are not what the party-member marker means */
const DEMOCRATIC_PARTY = /民革|民盟|民建|民进|农工|致公|九三|台盟/;

/**
 * The party-member column, often headed 政治面貌 (political status): yes for an explicit yes and for
 * 党员, 中共党员, 预备党员; no for 群众, 共青团员, 无党派, a democratic party, and blanks.
 */
export function parsePartyMember(text: string): boolean {
  const k = wordKey(text);
  if (isYes(k)) return true;
  if (parseMarker(k) === 'party_member') return true;
  return k.includes('党员') && !/^[非不]/.test(k) && !DEMOCRATIC_PARTY.test(k);
}

/** A cell of a marker's own column (headed 党员, 低保, 残疾, 独居, 行动不便, 楼栋长, 志愿者). */
export function parseMarkerFlag(marker: Marker, text: string): boolean {
  return marker === 'party_member' ? parsePartyMember(text) : parseFlag(text);
}

/**
 * The words that say nobody lives there: 空户, （空户）, 【空房】, 空, 无人居住, 暂无人员, vacant …
 * (placeholders.ts: a whole cell only).
 */
export function isEmptyWord(text: string): boolean {
  return placeholderOf(text) === 'empty';
}

/**
 * A cell of an "empty household" column (是否空户, 居住状态): an explicit yes or a word for empty.
 * 居住, 自住, 出租 and blanks are no.
 */
export function parseEmptyFlag(text: string): boolean {
  return isYes(text) || isEmptyWord(text);
}
