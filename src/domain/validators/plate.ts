// 机动车号牌 — civil vehicle plate numbers of GA 36: province abbreviation 省份简称 + issuing-authority
// letter 发牌机关代号 + serial 序号. Pure functions, no I/O.
//   ordinary 普通号牌     豫A12345   serial: 5 letters/digits
//   with a suffix 特殊后缀 豫A1234挂  serial: 4 letters/digits + 挂 trailer, 学 coach car 教练车, 警 police,
//                                    港/澳 Hong Kong/Macao cross-border, 领 consulate, 试 test, 超 oversize
//   new energy 新能源号牌  豫AD12345  small car 小型: energy letter, 1 letter/digit, 4 digits
//                         豫A12345D  large car 大型: 5 digits, energy letter
// Serial letters never use I or O (they read as 1 and 0). The energy letter was D (纯电动 pure electric)
// or F (非纯电动 hybrid, fuel cell); where those ran out the series has been extended to D A B C E
// (pure electric) and F G H J K (others). Military, armed-police and embassy plates are not civil plates and are not accepted.

import { removeSpaces, toHalfWidth } from './text';

export type PlateKind = 'ordinary' | 'new_energy' | 'trailer' | 'coach' | 'police' | 'other_suffix';

export type PlateResult = { ok: true; value: string; kind: PlateKind } | { ok: false; code: 'plate.format' };

export interface PlateProvince {
  /** the abbreviation on the plate, e.g. '豫' */
  abbr: string;
  /** the province-level unit, e.g. '河南省' */
  name: string;
  /** its 2-digit GB/T 2260 code, e.g. '41' (the first two digits of its division codes) */
  code: string;
}

const PROVINCES: readonly PlateProvince[] = [
  { abbr: '京', name: '北京市', code: '11' },
  { abbr: '津', name: '天津市', code: '12' },
  { abbr: '冀', name: '河北省', code: '13' },
  { abbr: '晋', name: '山西省', code: '14' },
  { abbr: '蒙', name: '内蒙古自治区', code: '15' },
  { abbr: '辽', name: '辽宁省', code: '21' },
  { abbr: '吉', name: '吉林省', code: '22' },
  { abbr: '黑', name: '黑龙江省', code: '23' },
  { abbr: '沪', name: '上海市', code: '31' },
  { abbr: '苏', name: '江苏省', code: '32' },
  { abbr: '浙', name: '浙江省', code: '33' },
  { abbr: '皖', name: '安徽省', code: '34' },
  { abbr: '闽', name: '福建省', code: '35' },
  { abbr: '赣', name: '江西省', code: '36' },
  { abbr: '鲁', name: '山东省', code: '37' },
  { abbr: '豫', name: '河南省', code: '41' },
  { abbr: '鄂', name: '湖北省', code: '42' },
  { abbr: '湘', name: '湖南省', code: '43' },
  { abbr: '粤', name: '广东省', code: '44' },
  { abbr: '桂', name: '广西壮族自治区', code: '45' },
  { abbr: '琼', name: '海南省', code: '46' },
  { abbr: '渝', name: '重庆市', code: '50' },
  { abbr: '川', name: '四川省', code: '51' },
  { abbr: '贵', name: '贵州省', code: '52' },
  { abbr: '云', name: '云南省', code: '53' },
  { abbr: '藏', name: '西藏自治区', code: '54' },
  { abbr: '陕', name: '陕西省', code: '61' },
  { abbr: '甘', name: '甘肃省', code: '62' },
  { abbr: '青', name: '青海省', code: '63' },
  { abbr: '宁', name: '宁夏回族自治区', code: '64' },
  { abbr: '新', name: '新疆维吾尔自治区', code: '65' },
];

const BY_ABBR: ReadonlyMap<string, PlateProvince> = new Map(PROVINCES.map((p) => [p.abbr, p]));

/** The 31 province abbreviations, in GB/T 2260 order. */
export const PLATE_PROVINCE_ABBRS: string = PROVINCES.map((p) => p.abbr).join('');

const P = `[${PLATE_PROVINCE_ABBRS}]`;
/** a serial letter or digit: A-Z without I and O, 0-9 */
const S = '[A-HJ-NP-Z0-9]';
/** the energy-type letter of a new-energy plate */
const E = '[DABCEFGHJK]';

const ORDINARY = new RegExp(`^${P}[A-Z]${S}{5}$`);
const SUFFIXED = new RegExp(`^${P}[A-Z]${S}{4}([挂学警港澳领试超])$`);
const NEW_ENERGY_SMALL = new RegExp(`^${P}[A-Z]${E}${S}\\d{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^${P}[A-Z]\\d{5}${E}$`);

const SUFFIX_KINDS: Record<string, PlateKind> = {
  挂: 'trailer',
  学: 'coach',
  警: 'police',
};

/** middle dots and dashes that people put after the authority letter (豫A·12345, 豫A-12345), and dots */
const SEPARATORS = /[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65.\-\u2010-\u2015\u2212]/g;

/**
 * Cleans a plate number: full-width → half-width, upper case, removes spaces and separators
 * (·, •, ・, -, .). '豫a·12345' → '豫A12345'; '豫Ａ　Ｄ１２３４５' → '豫AD12345'.
 */
export function normalisePlate(s: string): string {
  return removeSpaces(toHalfWidth(s)).replace(SEPARATORS, '').toUpperCase();
}

/** Validates a civil plate number and tells its kind. */
export function validatePlate(s: string): PlateResult {
  const value = normalisePlate(s);
  if (ORDINARY.test(value)) return { ok: true, value, kind: 'ordinary' };
  if (NEW_ENERGY_SMALL.test(value) || NEW_ENERGY_LARGE.test(value)) {
    return { ok: true, value, kind: 'new_energy' };
  }
  const suffixed = SUFFIXED.exec(value);
  if (suffixed) return { ok: true, value, kind: SUFFIX_KINDS[suffixed[1]] ?? 'other_suffix' };
  return { ok: false, code: 'plate.format' };
}

/** The province a plate was issued in, from its first character (the plate is normalised first). */
export function plateProvince(value: string): PlateProvince | null {
  const first = normalisePlate(value).charAt(0);
  return BY_ABBR.get(first) ?? null;
}
