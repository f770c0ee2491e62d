// Messages of the code proving a person behind a public call-up sign-up (signupProof.ts), zh-CN and en;
// spread into the catalogue in i18n/messages.ts.
export const signupProofMessagesZh = {
  'duty.code_sms':
    '【网格防控】您正在报名“{title}”，验证码 {code}，10 分钟内有效。如非本人操作，请忽略本短信。',
  'duty.code_wrong': '验证码不正确，请核对短信中的 6 位数字',
  'duty.code_expired': '验证码已失效（超过 10 分钟、已使用或输错次数过多），请重新获取',
  'duty.code_wait': '验证码已发送，请 {seconds} 秒后再重新获取',
  'duty.code_phone_hour': '该手机号获取验证码次数过多，请一小时后再试',
  'duty.callup_busy': '报名的人较多，验证码发送已达上限，请 1 分钟后再获取',
  'duty.code_not_sent': '短信发送失败，请稍后再试',
} as const;

export const signupProofMessagesEn: Record<keyof typeof signupProofMessagesZh, string> = {
  'duty.code_sms':
    'Wangge: your code to sign up for "{title}" is {code}, valid for 10 minutes. If it was not you, ignore this message.',
  'duty.code_wrong': 'The code is wrong; check the 6 digits in the text message',
  'duty.code_expired':
    'The code is no longer valid (over 10 minutes old, already used, or mistyped too often); ask for a new one',
  'duty.code_wait': 'A code was sent; you can ask for another in {seconds} seconds',
  'duty.code_phone_hour': 'Too many codes for this phone number; try again in an hour',
  'duty.callup_busy':
    'Many people are signing up; the codes of this call-up are at their limit, try again in a minute',
  'duty.code_not_sent': 'The text message could not be sent; please try again later',
};
