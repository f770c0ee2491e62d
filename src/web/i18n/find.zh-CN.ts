// Seeing and finding (issue 10) in Chinese: the ledger's pages and total, a household's visits, the phone's
// door search. Helper-owned file; zh-CN.ts includes it under `find`.
const findZh = {
  ledgerSearch: '姓名、拼音、身份证号、手机号、后四位或门牌',
  total: '共 {{n}} 户',
  totalMore: '超过 {{n}} 户',
  visits: {
    title: '入户排查记录',
    empty: '尚无入户排查记录',
    count: '共 {{n}} 次',
    visited: '已走访',
    nobodyHome: '无人在家',
    noChange: '颜色未变',
    system: '系统',
    present: '在家',
    away: '外出',
    moved_out: '已搬离',
    deceased: '已故',
    temperature: '体温 {{t}} ℃',
    fever: '发热',
    symptoms: '症状：{{list}}',
    travel: '去过：{{list}}',
    contacts: '接触：{{list}}',
    newResidents: '新登记 {{n}} 人',
    notes: '备注：{{text}}',
    noAnswers: '未填写人员情况',
  },
  doors: {
    search: '姓名、拼音、门牌或楼栋',
    jump: '跳到楼栋',
    allBuildings: '全部楼栋',
    buildingProgress: '{{visited}}/{{total}}',
    phones: '电话',
    phonesTitle: '{{door}} 的电话',
    noPhone: '未登记电话',
    reveal: '查看号码',
    call: '拨打',
    close: '关闭',
    noMatch: '没有找到“{{q}}”',
    searchAll: '在全部门户中查找',
    truncated: '楼栋较多，仅列出前 {{n}} 个，请用搜索查找',
  },
};

export type FindMessages = typeof findZh;
export default findZh;
