// Server messages in the user's language (zh-CN first). Keys are stable; {name} placeholders.
import { careMessagesEn, careMessagesZh } from '../care/messages';
import { checkpointMessagesEn, checkpointMessagesZh } from '../checkpoints/messages';
import { dutyMessagesEn, dutyMessagesZh } from '../forces/dutyMessages';
import { forcesMessagesEn, forcesMessagesZh } from '../forces/forcesMessages';
import { signupProofMessagesEn, signupProofMessagesZh } from '../forces/signupProofMessages';
import { gateMessagesEn, gateMessagesZh } from '../gates/gateMessages';
import { isolationMessagesEn, isolationMessagesZh } from '../isolation/messages';
import { findMessagesEn, findMessagesZh } from '../ledger/findMessages';
import { uploadMessagesEn, uploadMessagesZh } from '../uploads/uploadMessages';
import { textMessagesEn, textMessagesZh } from '../validators/textMessages';
import { uniqueMessagesEn, uniqueMessagesZh } from './uniqueMessages';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const zh = {
  ...uploadMessagesZh,
  ...gateMessagesZh,
  ...isolationMessagesZh,
  ...careMessagesZh,
  'error.validation': '输入有误：{detail}',
  'error.unauthenticated': '请先登录',
  'error.bad_credentials': '用户名或密码错误',
  'error.locked': '登录失败次数过多，请于 {minutes} 分钟后再试',
  'error.rate_limited': '请求过于频繁，请稍后再试',
  'error.id_match_limit':
    '一小时内查到本辖区以外已登记的证件号码已超过 {limit} 个，请稍后再试；如需核查大量号码，请联系上级管理员',
  'error.forbidden': '您没有执行此操作的权限',
  'error.not_found': '未找到，或不在您的管辖范围内',
  'error.internal': '服务器内部错误，请联系管理员',
  'error.disabled': '账号已停用',
  'error.unit_not_empty': '“{name}”下还有{what}，不能删除',
  'error.unit_kind_parent': '“{kind}”不能建在“{parentKind}”下',
  'error.unit_official': '官方区划（{name}）不能在此修改',
  'error.move_outside_community': '只能在同一社区（村）内移动',
  'error.move_into_self': '不能移动到自身或其下级',
  'error.username_taken': '用户名“{username}”已被使用',
  'error.grant_not_allowed': '您不能授予“{role}”角色',
  'error.wrong_password': '当前密码不正确',
  'error.weak_password': '新密码至少 8 位，且需同时包含字母和数字',
  'error.common_password': '这个密码太常见、容易被猜中（如 password1、qq123456），请换一个',
  'error.password_has_username': '密码不能包含用户名',
  'error.password_change_locked': '当前密码错误次数过多，请于 {minutes} 分钟后再试',
  'field.required': '必填',
  'field.invalid': '格式不正确',
  'field.phone': '手机号格式不正确',
  'what.children': '下级单位',
  'what.facilities': '设施',
  'what.users': '用户',
  'what.households': '住户',
  'error.household_place': '住户只能登记在社区（村）、网格、小区或楼栋下，“{name}”不行',
  'error.door_taken': '门牌“{door}”已有住户',
  'error.id_in_ledger': '该证件号码已登记在台账中（在住或外出），不能重复登记',
  'error.split_residents': '请选择本户中要分出的人员',
  'error.override_reason': '手动标色必须填写原因',
  'error.campaign_closed': '该排查任务已结束',
  'error.not_in_campaign': '该户不在此排查任务的范围内',
  'error.import_rejected': '有 {count} 行未通过校验；按“全部正确才导入”，未导入任何数据',
  'error.import_empty': '表格中没有可导入的住户',
  'error.import_not_xlsx':
    '无法读取该文件：它不是 Excel 工作簿（.xlsx），或者文件已损坏。请上传 .xlsx 文件，或 CSV 文件。',
  'error.import_legacy_xls':
    '无法读取这个 Excel 97–2003（.xls）或 WPS 表格（.et）文件：它可能已损坏，或是更早的格式。请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的 .xlsx 文件。',
  'error.import_markup':
    '这个文件实际是网页（HTML）或 XML 2003 格式的表格，只是扩展名像 Excel 文件，不能直接导入。请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的 .xlsx 文件。',
  'error.import_unreadable':
    '无法读取该文件：它不是 Excel 工作簿（.xlsx、.xls）、WPS 表格（.et）或 CSV 文件，或者文件已损坏。',
  'error.import_encrypted':
    '该文件设置了打开密码，无法读取。请在 Excel 中打开它，去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存，再导入。',
  'error.import_sheet_not_found': '工作簿中没有工作表“{name}”。',
  'field.fact_date': '日期不正确（应为 年-月-日）',
  'field.fact_range': '结束日期早于开始日期',
  'field.fact_place': '地点不正确，请从列表中选择',
  'field.fact_symptom': '无法识别的症状',
  'field.fact_temperature': '体温应在 30–45 ℃ 之间（373 是不是少了小数点？）',
  'field.fact_kind': '类型不正确',
  'field.fact_shape': '不是本户的人员',
  'field.fact_future': '日期不能晚于今天',
  ...forcesMessagesZh,
  ...dutyMessagesZh,
  ...findMessagesZh,
  ...uniqueMessagesZh,
  ...textMessagesZh,
  ...signupProofMessagesZh,
  ...checkpointMessagesZh,
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...uploadMessagesEn,
  ...gateMessagesEn,
  ...isolationMessagesEn,
  ...careMessagesEn,
  'error.validation': 'Invalid input: {detail}',
  'error.unauthenticated': 'Please log in',
  'error.bad_credentials': 'Wrong username or password',
  'error.locked': 'Too many failed logins; try again in {minutes} minutes',
  'error.rate_limited': 'Too many requests, please try again later',
  'error.id_match_limit':
    'More than {limit} ID numbers registered outside your jurisdiction were met within an hour; try again later, or ask an administrator above you to check many numbers',
  'error.forbidden': 'You may not do this',
  'error.not_found': 'Not found, or outside your jurisdiction',
  'error.internal': 'Internal server error, please contact the administrator',
  'error.disabled': 'This account is disabled',
  'error.unit_not_empty': '"{name}" still has {what} and cannot be deleted',
  'error.unit_kind_parent': 'A {kind} cannot be placed under a {parentKind}',
  'error.unit_official': 'Official divisions ({name}) cannot be changed here',
  'error.move_outside_community': 'Units can only be moved within the same community or village',
  'error.move_into_self': 'A unit cannot be moved under itself',
  'error.username_taken': 'The username "{username}" is taken',
  'error.grant_not_allowed': 'You may not grant the role "{role}"',
  'error.wrong_password': 'The current password is wrong',
  'error.weak_password': 'The new password needs at least 8 characters with letters and digits',
  'error.common_password':
    'This password is too common and easy to guess (like password1 or qq123456); choose another',
  'error.password_has_username': 'The password must not contain the username',
  'error.password_change_locked': 'Too many wrong current passwords; try again in {minutes} minutes',
  'field.required': 'required',
  'field.invalid': 'invalid format',
  'field.phone': 'not a valid mobile number',
  'what.children': 'sub-units',
  'what.facilities': 'facilities',
  'what.users': 'users',
  'what.households': 'households',
  'error.household_place':
    'Households belong to a community or village, a grid, a courtyard or a building, not to "{name}"',
  'error.door_taken': 'Door "{door}" already has a household',
  'error.id_in_ledger':
    'This ID number is already in the ledger (living or away) and cannot be registered twice',
  'error.split_residents': 'Choose the residents of this household who move to the new one',
  'error.override_reason': 'A colour set by hand needs a reason',
  'error.campaign_closed': 'This screening campaign is closed',
  'error.not_in_campaign': 'This household is not part of the screening campaign',
  'error.import_rejected':
    '{count} rows did not pass the checks; with "only if all are valid", nothing was imported',
  'error.import_empty': 'The sheet has no household to import',
  'error.import_not_xlsx':
    'This file cannot be read: it is not an Excel workbook (.xlsx), or it is damaged. Upload an .xlsx or a CSV file.',
  'error.import_legacy_xls':
    'This Excel 97–2003 (.xls) or WPS Spreadsheets (.et) file cannot be read: it may be damaged, or of an older format. Open it in Excel or WPS, choose File → Save As, pick "Excel Workbook (*.xlsx)", and import the saved .xlsx file.',
  'error.import_markup':
    'This file is a web page (HTML) or XML 2003 table with a name like an Excel file, and cannot be imported as it is. Open it in Excel or WPS, choose File → Save As, pick "Excel Workbook (*.xlsx)", and import the saved .xlsx file.',
  'error.import_unreadable':
    'This file cannot be read: it is not an Excel workbook (.xlsx, .xls), a WPS Spreadsheets file (.et) or a CSV file, or it is damaged.',
  'error.import_encrypted':
    'This file is protected by a password and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it, and import it again.',
  'error.import_sheet_not_found': 'The workbook has no sheet "{name}".',
  'field.fact_date': 'not a valid date (year-month-day)',
  'field.fact_range': 'the end is before the start',
  'field.fact_place': 'unknown place; choose one from the list',
  'field.fact_symptom': 'unknown symptom',
  'field.fact_temperature': 'a temperature is between 30 and 45 °C (is 373 missing its dot?)',
  'field.fact_kind': 'unknown kind',
  'field.fact_shape': 'not a resident of this household',
  'field.fact_future': 'the date cannot be after today',
  ...forcesMessagesEn,
  ...dutyMessagesEn,
  ...findMessagesEn,
  ...uniqueMessagesEn,
  ...textMessagesEn,
  ...signupProofMessagesEn,
  ...checkpointMessagesEn,
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** zh-CN unless the caller asks for English (cookie `lang` or Accept-Language). */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  if (acceptLanguage && /^en\b/i.test(acceptLanguage.trim())) return 'en';
  return 'zh-CN';
}
