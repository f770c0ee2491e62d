// Places for the demo data, as GB/T 2260 codes: where residents' ID numbers were issued (the address
// code 地址码 of the county of first registration), and where they travelled around the Spring Festival of
// 2020 (a stay 旅居 in the ledger's facts). Real codes and names; the weights are rough guesses at how
// often each shows up in a Zhengzhou community (people from the rest of Henan, from the neighbouring
// provinces; trips home for the festival, and back).

import { WeightedTable } from './prng';

// biome-ignore format: a table
/** County codes elsewhere in Henan, weighted: Zhengzhou's other districts and the populous south-east. */
const HENAN_COUNTIES: readonly (readonly [string, number])[] = [
  ['410102', 4], ['410103', 4], ['410104', 3], ['410105', 3], ['410106', 1], ['410108', 1.5],
  ['410122', 1.5], ['410181', 1.5], ['410182', 1.5], ['410183', 1.5], ['410184', 1.5], ['410185', 1],
  ['410202', 1], ['410203', 1], ['410221', 1], ['410222', 1], ['410223', 1], ['410225', 1],
  ['410302', 1], ['410303', 1], ['410305', 1], ['410323', 0.5], ['410402', 1], ['410422', 1],
  ['410502', 1], ['410522', 1], ['410702', 1], ['410721', 0.5], ['410782', 0.5], ['410811', 1],
  ['410822', 0.5], ['410902', 1], ['411002', 1], ['411081', 1], ['411102', 1], ['411302', 1],
  ['411303', 1], ['411381', 1.5], ['411402', 1.5], ['411481', 1], ['411502', 1.5], ['411503', 1],
  ['411522', 1], ['411524', 1], ['411525', 2], ['411602', 1.5], ['411621', 1.5], ['411625', 1.5],
  ['411702', 1.5], ['411721', 1], ['411729', 1.5],
];

// biome-ignore format: a table
/** County codes of other provinces, weighted towards the neighbours (Hebei, Shandong, Anhui, Hubei, Shaanxi). */
const OTHER_COUNTIES: readonly (readonly [string, number])[] = [
  ['110105', 1.5], ['110108', 1], ['120101', 0.5], ['130102', 1.5], ['130104', 1], ['140105', 1.5],
  ['150102', 0.5], ['210102', 0.5], ['220102', 0.5], ['230103', 0.5], ['310104', 0.5], ['310115', 0.5],
  ['320102', 0.5], ['320311', 1], ['330106', 0.5], ['340104', 1.5], ['341202', 2], ['350102', 0.3],
  ['360102', 0.5], ['370102', 1.5], ['370202', 0.5], ['371302', 1.5], ['371502', 1], ['420102', 1],
  ['420106', 1], ['420602', 1], ['421303', 0.5], ['430104', 0.5], ['440106', 0.5], ['440304', 0.5],
  ['450103', 0.3], ['500103', 0.5], ['510107', 0.5], ['520102', 0.3], ['530102', 0.3], ['610113', 1.5],
  ['620102', 0.5], ['640104', 0.3], ['650102', 0.3],
];

/** Address codes of people born elsewhere in Henan (never `exclude`, the community's own county). */
export function henanOrigins(exclude: string): WeightedTable<string> {
  return new WeightedTable(HENAN_COUNTIES.filter(([c]) => c !== exclude));
}

/** Address codes of people born in other provinces (never `exclude`). */
export function otherProvinceOrigins(exclude: string): WeightedTable<string> {
  return new WeightedTable(OTHER_COUNTIES.filter(([c]) => c !== exclude));
}

/** A place a resident stayed at: a GB/T 2260 code (or ISO 3166 for abroad) and the name the ledger shows. */
export interface Place {
  code: string;
  name: string;
}

// biome-ignore format: a table
/**
 * Places of stays outside Zhengzhou, weighted: home towns in the rest of Henan (most trips of the
 * festival), the big cities where people work, a few holidays abroad; and Hubei, the key area of early
 * 2020 (Wuhan's districts, and Xinyang's neighbours across the border).
 */
const TRAVEL: readonly (readonly [string, string, number])[] = [
  ['4102', '开封市', 5], ['410221', '开封市杞县', 1], ['4103', '洛阳市', 5], ['4104', '平顶山市', 3],
  ['4105', '安阳市', 3], ['4107', '新乡市', 4], ['4108', '焦作市', 3], ['4110', '许昌市', 4],
  ['4111', '漯河市', 2], ['4113', '南阳市', 5], ['411381', '南阳市邓州市', 1], ['4114', '商丘市', 4],
  ['4115', '信阳市', 4], ['411525', '信阳市固始县', 2], ['4116', '周口市', 5], ['411621', '周口市扶沟县', 1],
  ['4117', '驻马店市', 4], ['4109', '濮阳市', 2], ['4112', '三门峡市', 1], ['4106', '鹤壁市', 1],
  ['110105', '北京市朝阳区', 3], ['110108', '北京市海淀区', 2], ['310115', '上海市浦东新区', 2.5],
  ['4401', '广州市', 2], ['4403', '深圳市', 2.5], ['3301', '杭州市', 1.5], ['3303', '温州市', 1],
  ['3201', '南京市', 1], ['3205', '苏州市', 1], ['1301', '石家庄市', 1], ['3701', '济南市', 1],
  ['3702', '青岛市', 1], ['6101', '西安市', 1.5], ['3401', '合肥市', 1], ['4301', '长沙市', 1],
  ['5101', '成都市', 1], ['5001', '重庆市', 1], ['1401', '太原市', 0.5], ['4602', '三亚市', 0.5],
  ['TH', '泰国', 0.3], ['JP', '日本', 0.3], ['KR', '韩国', 0.2],
];

// biome-ignore format: a table
/** Hubei, the key area of the demo list: Wuhan's districts first, then the cities near Henan. */
const HUBEI: readonly (readonly [string, string, number])[] = [
  ['420102', '武汉市江岸区', 3], ['420103', '武汉市江汉区', 3], ['420104', '武汉市硚口区', 2],
  ['420105', '武汉市汉阳区', 2], ['420106', '武汉市武昌区', 3], ['420111', '武汉市洪山区', 3],
  ['420112', '武汉市东西湖区', 1], ['420115', '武汉市江夏区', 1], ['4201', '武汉市', 2],
  ['4209', '孝感市', 1], ['4211', '黄冈市', 1], ['4213', '随州市', 1], ['4206', '襄阳市', 1],
  ['4203', '十堰市', 0.5], ['4210', '荆州市', 0.5],
];

// biome-ignore format: a table
/** Places inside Zhengzhou: a visit there is no travel (未离郑). */
const ZHENGZHOU: readonly (readonly [string, string, number])[] = [
  ['410183', '新密市', 1], ['410185', '登封市', 1], ['410122', '中牟县', 1], ['410181', '巩义市', 1],
  ['410182', '荥阳市', 1], ['410184', '新郑市', 1],
];

/** Every place of stay the demo knows, with its weight: outside Henan's capital, Hubei, inside it. */
export function travelPlaces(): readonly (readonly [Place, number])[] {
  return [...TRAVEL, ...HUBEI, ...ZHENGZHOU].map(([code, name, w]) => [{ code, name }, w] as const);
}
