// Server messages of the courtyard gates, zh-CN and en; spread into the catalogue in i18n/messages.ts.
export const gateMessagesZh = {
  'gate.refused': '{reason}',
  'gate.refused_today': '本户今日已出行 {count} 人（{who}）',
  'gate.refused_window': '本户 {days} 已出行 {count} 人（{who}），{next} 起可再出行',
  'gate.refused_already_out': '{name} 已于 {time} 出门，尚未返回',
  'gate.went_out': '{name} {time} 出',
  'gate.pass_unknown': '出入证无效或已作废',
  'gate.pass_wrong_gate': '该出入证不属于本门岗',
  'gate.resident_not_in_household': '该居民不属于此户',
  'gate.household_not_under_gate': '该户不在本门岗管辖范围内',
  'gate.unit_kind': '门岗只能设在社区/村、网格或小区/楼院',
  'gate.closed': '该门岗已停用',
  'gate.id_or_phone': '请填写证件号码或手机号',
};

export const gateMessagesEn: Record<keyof typeof gateMessagesZh, string> = {
  'gate.refused': '{reason}',
  'gate.refused_today': 'This household has already gone out today: {count} ({who})',
  'gate.refused_window': 'This household went out on {days}: {count} ({who}); the next outing from {next}',
  'gate.refused_already_out': '{name} went out at {time} and has not come back in',
  'gate.went_out': '{name} out {time}',
  'gate.pass_unknown': 'Unknown or revoked pass',
  'gate.pass_wrong_gate': 'This pass belongs to another gate',
  'gate.resident_not_in_household': 'This resident is not of this household',
  'gate.household_not_under_gate': 'This household is not under this gate',
  'gate.unit_kind': 'A gate can only be set up at a community/village, grid or courtyard',
  'gate.closed': 'This gate is closed',
  'gate.id_or_phone': 'Give an ID number or a phone',
};
