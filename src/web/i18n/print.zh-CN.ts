// Printing (打印) in Chinese: the print button and the titles of printed sheets (zh-CN.ts includes it
// under `print`).
const printZh = {
  button: '打印',
  failed: '准备打印失败：{{reason}}',
  day: '台账日期 {{day}}',
  total: '共 {{n}} 户',
  capped: '超过 {{cap}} 户，只打印了前 {{cap}} 户；请缩小筛选范围后分批打印',
  no: '序号',
  filter: {
    label: '筛选：',
    all: '全部住户',
    colour: '颜色 {{v}}',
    marker: '标注 {{v}}',
    search: '搜索“{{v}}”',
    within: '范围 {{v}}',
    campaign: '排查任务 {{v}}',
    separator: '；',
    list: '、',
  },
  ledger: {
    title: '{{unit}} 入户台账',
  },
  building: {
    title: '{{unit}} 楼栋图',
  },
  doors: {
    button: '打印走访名单',
    title: '{{unit}} 入户排查走访名单',
    campaign: '排查任务：{{name}}（{{dates}}）',
    progress: '已走访 {{visited}}，需复访 {{revisit}}，待走访 {{pending}}',
    place: '位置',
    residents: '住户成员',
    colour: '颜色',
    status: '走访状态',
    visits: '（{{n}} 次）',
    notes: '走访情况（在家人数、体温、去向、备注）',
  },
};

export type PrintMessages = typeof printZh;
export default printZh;
