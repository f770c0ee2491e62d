// Chinese names for the demo residents: a surname drawn by how common it is, and a given name that looks
// like one of the person's generation and sex. Surname weights follow the national ranking of the 2020
// household-register statistics (王 李 张 刘 陈 …), tilted towards Henan, where 王 李 张 刘 lead and the
// southern names (黄 林 梁 罗 谢 …) are rarer. Given names are whole names, as parents chose them in each
// period — 建国 and 秀英 for the 1950s, 伟 and 丽 for the 1970s, 浩然 and 梓萱 for the 2010s — so that a
// household of three generations reads like one. Synthetic: any likeness to a real person is chance.

import type { Sex } from '../../validators/idNumber';
import { type Prng, WeightedTable } from './prng';

// biome-ignore format: a table
/** Surname: relative weight (about the number of bearers in Henan, in units of 100,000). */
const SURNAME_WEIGHTS: Record<string, number> = {
  王: 95, 李: 88, 张: 86, 刘: 60, 陈: 38, 杨: 35, 赵: 28, 郭: 22, 孙: 20, 马: 20,
  周: 18, 吴: 13, 朱: 14, 徐: 14, 胡: 12, 高: 14, 何: 9, 宋: 12, 郑: 10, 韩: 10,
  贾: 9, 黄: 9, 冯: 8, 于: 7, 董: 8, 程: 7, 曹: 8, 许: 8, 魏: 7, 田: 6,
  任: 6, 闫: 6, 吕: 6, 袁: 6, 付: 6, 唐: 5, 梁: 5, 谢: 4, 罗: 4, 肖: 4,
  苏: 5, 卢: 5, 丁: 5, 薛: 5, 杜: 5, 范: 5, 石: 5, 郝: 5, 白: 5, 崔: 5,
  孟: 5, 邓: 4, 彭: 4, 蒋: 4, 蔡: 4, 姜: 4, 姚: 4, 孔: 4, 康: 4, 史: 4,
  侯: 4, 段: 4, 常: 4, 武: 4, 乔: 4, 牛: 4, 林: 3, 叶: 3, 余: 3, 潘: 3,
  戴: 3, 夏: 3, 汪: 3, 方: 3, 金: 3, 毛: 3, 秦: 3, 邵: 3, 雷: 3, 尹: 3,
  贺: 3, 申: 3, 岳: 3, 沈: 2, 曾: 2, 钟: 2, 谭: 2, 邹: 2, 熊: 2, 陆: 2,
  邱: 2, 江: 2, 顾: 2, 万: 2, 钱: 2, 汤: 2, 文: 2, 翟: 2, 耿: 2, 裴: 2,
  司: 1.5, 祝: 1.5, 龚: 1.5, 廖: 1.5, 楚: 1, 席: 1, 欧阳: 0.2, 司马: 0.1, 诸葛: 0.05, 上官: 0.05,
};

const SURNAMES = new WeightedTable(Object.entries(SURNAME_WEIGHTS));

/** Draws a surname (one character, rarely two: 欧阳, 司马). */
export function pickSurname(rng: Prng): string {
  return SURNAMES.pick(rng);
}

/** The surnames the demo draws from (about 110, roughly most common first). */
export function surnames(): readonly string[] {
  return SURNAMES.items;
}

function words(s: string): readonly string[] {
  return s.trim().split(/\s+/);
}

// Given names by the decade of birth: the years each list starts, and per sex the names.
const GENERATION_FROM = [0, 1950, 1970, 1990, 2005] as const;

const MALE_GIVEN: readonly (readonly string[])[] = [
  // born before 1950
  words(`德明 德胜 振华 玉山 长林 宝山 福生 金山 树林 文华 守义 广田 来福 永胜 春生 成林 德福 长顺 占奎 国栋
    万福 庆祥 玉堂 景山 明德 维新 长海 殿臣 兆林 志远 光明 连生 茂林 海山 德全 学文 汝贤 清泉`),
  // 1950–1969
  words(`建国 建华 建军 国庆 国强 卫东 卫国 向东 援朝 爱国 跃进 志强 志刚 建设 胜利 学军 振国 新民 东升 建平
    建新 国平 保全 红军 庆丰 长江 建民 立新 宏伟 永强 国华 建中 跃华 文明 新华 卫民 国红 全胜 树森 福林`),
  // 1970–1989
  words(`伟 磊 勇 军 杰 涛 斌 强 鹏 超 刚 辉 明 亮 波 峰 海涛 俊杰 志伟 建伟
    晓东 晓明 小龙 海波 红伟 东亮 振宇 鹏飞 晓峰 建辉 云飞 伟强 海洋 亚伟 建峰 少杰 永刚 利军 国伟 卫华`),
  // 1990–2004
  words(`浩 宇 鑫 帅 博 凯 旭 阳 家豪 子豪 俊豪 一帆 宇航 文杰 志豪 天宇 鹏程 晨阳 亚飞 朝阳
    晓宇 梦龙 博文 世豪 浩宇 天翔 振洋 一鸣 佳乐 明阳 嘉乐 俊峰 凯旋 梦飞 浩东 家乐 志远 晨曦 泽宇 亚东`),
  // 2005–
  words(`浩然 梓轩 宇轩 子轩 皓轩 一诺 浩宇 俊熙 沐宸 梓睿 子墨 奕辰 铭泽 思远 梓豪 睿 轩 辰 昊天 子豪
    浩轩 宇泽 锦程 佑辰 宸 逸凡 承泽 梓航 俊宇 明哲 子涵 梓晨 宇辰 一鸣 嘉豪 博涵 景行 瑞泽 恩泽 俊逸`),
];

const FEMALE_GIVEN: readonly (readonly string[])[] = [
  // born before 1950
  words(`秀英 桂英 桂兰 玉兰 秀兰 凤英 秀珍 淑珍 玉珍 桂芳 秀云 玉梅 翠花 凤兰 素珍 桂珍 秀荣 春兰 玉英 淑英
    兰英 金凤 秀芝 桂香 凤芝 玉芝 月英 素英 玉香 翠兰 桂荣 秀梅 凤琴 淑兰 玉凤 金兰 荣华 凤仙 素兰 俊英`),
  // 1950–1969
  words(`秀英 红 丽 红梅 玉华 秀梅 淑华 丽华 爱华 红霞 卫红 彩霞 春梅 淑芬 玉芳 桂琴 秀芳 美兰 爱玲 素芳
    红英 建英 玉霞 丽萍 秀华 春华 红艳 爱琴 美华 秀云 桂枝 凤霞 红玲 建华 素梅 爱民 雪琴 瑞芳 玉萍 丽珍`),
  // 1970–1989
  words(`静 丽 敏 燕 艳 芳 娟 霞 丹 玲 婷 晶 莉 颖 丽娟 晓燕 海燕 红艳 丽丽 艳丽
    春燕 晓丽 雪梅 亚楠 丽霞 琳 慧 晓静 倩 丽君 晓红 秀丽 美玲 冬梅 亚丽 丽芳 莹 俊霞 利娟 彦`),
  // 1990–2004
  words(`婷婷 佳琪 雪 欣 倩倩 梦瑶 思雨 欣怡 雨婷 佳慧 梦洁 晓雪 静怡 雅琪 文静 丹丹 晶晶 蕾 瑶 璐
    萌萌 佳怡 心怡 亚楠 梦琪 佳佳 雨欣 雅楠 冰冰 晓晴 梦雪 慧敏 文慧 珂 一丹 晨曦 紫薇 静雯 梦娜 婉婷`),
  // 2005–
  words(`梓萱 子涵 一诺 欣怡 诗涵 雨桐 梓涵 可馨 语汐 思琪 若曦 紫涵 依诺 佳怡 雨涵 梦琪 芷若 沐晴 语桐 安琪
    梓晴 可欣 悦 萱 一涵 雨萱 诗琪 欣妍 梦涵 艺涵 嘉怡 子萱 若汐 思涵 锦汐 佳琪 雨彤 梓琪 欣悦 书瑶`),
];

/** Which generation list a birth year uses. */
export function generationOf(birthYear: number): number {
  let g = 0;
  while (g + 1 < GENERATION_FROM.length && birthYear >= GENERATION_FROM[g + 1]) g++;
  return g;
}

/** Draws a given name (one or two characters) of the sex and the generation of the birth year. */
export function pickGivenName(rng: Prng, sex: Sex, birthYear: number): string {
  const lists = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  return rng.pick(lists[generationOf(birthYear)]);
}

/** The given names the demo draws from, for one sex and generation (0 = before 1950 … 4 = 2005 on). */
export function givenNames(sex: Sex, generation: number): readonly string[] {
  return (sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN)[generation];
}

/** A full name: the surname, then a given name that fits the sex and birth year. */
export function pickName(rng: Prng, surname: string, sex: Sex, birthYear: number): string {
  return surname + pickGivenName(rng, sex, birthYear);
}
