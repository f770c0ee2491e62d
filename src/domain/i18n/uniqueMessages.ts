// What is duplicated, said for each unique index and constraint of the database (key: `unique.` and its
// name), zh-CN and en; spread into the catalogue in i18n/messages.ts. A request that loses a race to
// another one (both checked, both wrote) gets the database's refusal as a 409 with this message, on the
// field named in platform/errors.ts (UNIQUE_FIELDS). platform/uniqueConflicts.test.ts fails for an index
// without one.
export const uniqueMessagesZh = {
  'error.busy': '这条记录正被他人同时修改，请稍后重试',
  'unique.unknown': '该记录已存在，不能重复登记',
  'unique.units_code_key': '该单位代码已存在',
  'unique.units_path_key': '该位置已有相同代码的单位',
  'unique.unit_code_counters_pkey': '单位编号正在被同时分配，请重试',
  'unique.users_username_key': '该用户名已被使用',
  'unique.sessions_pkey': '会话已存在，请重新登录',
  'unique.login_failures_pkey': '登录失败记录已存在，请重试',
  'unique.settings_pkey': '该设置已存在',
  'unique.households_door_uq': '该门牌已有住户',
  'unique.residents_id_living_uq': '该证件号码已登记在台账中（在住或外出），不能重复登记',
  'unique.ledger_counts_pkey': '统计数已存在',
  'unique.screening_targets_pkey': '该户已在此排查任务中',
  'unique.screening_visits_region_code_client_id_key': '该走访记录已提交',
  'unique.people_user_id_key': '该用户已关联到其他人员',
  'unique.people_phone_active_uq': '该手机号已在人员名册中',
  'unique.people_id_active_uq': '该身份证号已在人员名册中',
  'unique.force_group_members_current': '此人已是该组织成员',
  'unique.callups_token_key': '招募令链接重复，请重试',
  'unique.callup_places_callup_id_facility_id_key': '同一设施在招募令中只能列一次',
  'unique.callup_signups_callup_id_person_id_key': '此人已报名该招募令',
  'unique.callup_signups_callup_id_client_id_key': '该报名已提交',
  'unique.shift_patterns_facility_id_key': '该设施已有班次模式',
  'unique.duty_shifts_facility_id_starts_at_key': '该设施在这个时间已有班次',
  'unique.duty_assignments_shift_id_person_id_key': '此人已在该班次上',
  'unique.import_mappings_unit_signature_uq': '这种表头的列对应正被同时保存，请重试',
} as const;

export const uniqueMessagesEn: Record<keyof typeof uniqueMessagesZh, string> = {
  'error.busy': 'Someone else was changing this record at the same moment; please try again',
  'unique.unknown': 'This record exists already',
  'unique.units_code_key': 'A unit with this code already exists',
  'unique.units_path_key': 'A unit with this code already stands here',
  'unique.unit_code_counters_pkey': 'Unit codes were being given out at the same moment; please try again',
  'unique.users_username_key': 'This username is taken',
  'unique.sessions_pkey': 'This session exists already; please log in again',
  'unique.login_failures_pkey': 'This failed login is being counted already; please try again',
  'unique.settings_pkey': 'This setting exists already',
  'unique.households_door_uq': 'This door already has a household',
  'unique.residents_id_living_uq':
    'This ID number is already in the ledger (living here or away); a person is registered once',
  'unique.ledger_counts_pkey': 'These counts exist already',
  'unique.screening_targets_pkey': 'This household is already in the campaign',
  'unique.screening_visits_region_code_client_id_key': 'This visit has been submitted already',
  'unique.people_user_id_key': 'This user is already linked to another person',
  'unique.people_phone_active_uq': 'This phone is already in the registry',
  'unique.people_id_active_uq': 'This ID number is already in the registry',
  'unique.force_group_members_current': 'Already a member of this group',
  'unique.callups_token_key': 'The call-up link came out twice; please try again',
  'unique.callup_places_callup_id_facility_id_key': 'A facility is listed once in a call-up',
  'unique.callup_signups_callup_id_person_id_key': 'This person has signed up for this call-up already',
  'unique.callup_signups_callup_id_client_id_key': 'This sign-up has been submitted already',
  'unique.shift_patterns_facility_id_key': 'This facility has a shift pattern already',
  'unique.duty_shifts_facility_id_starts_at_key': 'This facility has a shift at this time already',
  'unique.duty_assignments_shift_id_person_id_key': 'This person is already on this shift',
  'unique.import_mappings_unit_signature_uq':
    'The column mapping of this header row was being saved at the same moment; please try again',
};
