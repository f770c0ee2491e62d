// 五色 — the five household colours of the ledger (入户台账), and the rules that derive a household's
// colour from what is known about its residents. Pure, no I/O: the server recomputes and stores the
// colour, the web shows it, the demo generator and the importer use the same rules.
//
// The method is the "four levels, five colours" (四级五色) of 省民航社区, 花园路街道, 金水区, Zhengzhou
// (source 000, "省民航社区：疫情台账上的'五色旗'"): "按红色、橙色、黄色、绿色、白色来区分标记重点关注户、
// 居家隔离户、非疫区返郑无症状户、未离郑无症状户、空户", each household of the ledger in one colour,
// "动态更新着手里的这本'账'" — kept up to date as facts change. The reports give the colours and their
// meaning, not the decision rules; the rules below are how this product reads them (issue 3), each one
// documented where it is applied and configurable per deployment through ColourPolicy.
//
// The rules are split by job under ./colour (palette, facts, policy, reasons, checkFacts, derive,
// override); this file gathers them for the rest of the product.

export * from './colour/checkFacts';
export * from './colour/derive';
export * from './colour/facts';
export * from './colour/override';
export * from './colour/palette';
export * from './colour/policy';
export * from './colour/reasons';
export * from './colour/stays';
