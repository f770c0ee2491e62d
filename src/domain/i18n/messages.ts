// Server messages in the user's language (zh-CN first). Keys are stable; {name} placeholders.
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const zh = {
  'error.validation': '输入有误：{detail}',
  'error.unauthenticated': '请先登录',
  'error.bad_credentials': '用户名或密码错误',
  'error.locked': '登录失败次数过多，账号已临时锁定，请于 {minutes} 分钟后再试',
  'error.rate_limited': '请求过于频繁，请稍后再试',
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
  'field.required': '必填',
  'field.invalid': '格式不正确',
  'field.phone': '手机号格式不正确',
  'what.children': '下级单位',
  'what.facilities': '设施',
  'what.users': '用户',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'error.validation': 'Invalid input: {detail}',
  'error.unauthenticated': 'Please log in',
  'error.bad_credentials': 'Wrong username or password',
  'error.locked': 'Too many failed logins; the account is locked, try again in {minutes} minutes',
  'error.rate_limited': 'Too many requests, please try again later',
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
  'field.required': 'required',
  'field.invalid': 'invalid format',
  'field.phone': 'not a valid mobile number',
  'what.children': 'sub-units',
  'what.facilities': 'facilities',
  'what.users': 'users',
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
