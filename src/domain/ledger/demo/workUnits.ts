// What a demo resident does, as the ledger's 工作单位 column holds it: a school pupil is 学生, a retired
// worker 退休, a shopkeeper 个体 (self-employed), and a working adult the name of an employer — hospitals,
// the provincial civil-aviation firms of 省民航社区, banks, schools, factories of Zhengzhou.

import type { Sex } from '../../validators/idNumber';
import { type Prng, WeightedTable } from './prng';

// biome-ignore format: a table
const EMPLOYERS = new WeightedTable<string>([
  ['个体', 14], ['务工', 6], ['无业', 5], ['自由职业', 4],
  ['郑州市金水区人民医院', 1.5], ['河南省人民医院', 2], ['郑州大学第一附属医院', 2],
  ['河南省民航发展投资有限公司', 2], ['河南省机场集团有限公司', 2], ['中国民用航空河南安全监督管理局', 1],
  ['郑州市金水区花园路街道办事处', 0.8], ['郑州市金水区教育局', 0.8], ['郑州市第八中学', 0.8],
  ['郑州大学', 1.5], ['河南农业大学', 1], ['河南省农业科学院', 1],
  ['郑州宇通客车股份有限公司', 2], ['国网河南省电力公司', 2], ['中国移动通信集团河南有限公司', 1.5],
  ['郑州银行', 1.5], ['中原银行', 1.5], ['郑州地铁集团有限公司', 1.5], ['郑州公交集团有限公司', 1.5],
  ['河南日报报业集团', 0.8], ['河南省建筑设计研究院有限公司', 1], ['郑州丹尼斯百货有限公司', 1],
  ['富士康科技集团郑州科技园', 1.5], ['郑州市公安局金水分局', 0.8], ['河南中烟工业有限责任公司', 0.8],
]);

/** The age at which men and women retired (60, and 55 for most women of these years). */
function retirementAge(sex: Sex): number {
  return sex === 'male' ? 60 : 55;
}

/**
 * The work unit of a resident of `age` years, or undefined for a small child: 幼儿园 (3–5), 学生 (6–18,
 * and most of 19–22), an employer, 个体, 无业 …, then 退休 (most) or 无 after retirement age.
 */
export function pickWorkUnit(rng: Prng, age: number, sex: Sex): string | undefined {
  if (age < 3) return undefined;
  if (age < 6) return '幼儿园';
  if (age <= 18) return '学生';
  if (age <= 22 && rng.chance(0.7)) return '学生';
  if (age >= retirementAge(sex)) return rng.chance(0.9) ? '退休' : '无';
  return EMPLOYERS.pick(rng);
}

/** Every work unit pickWorkUnit may give. */
export function workUnits(): readonly string[] {
  return ['幼儿园', '学生', '退休', '无', ...EMPLOYERS.items];
}
