// Messages of the text every field is checked for (validators/text.ts), zh-CN and en; spread into the
// catalogue in i18n/messages.ts.
export const textMessagesZh = {
  'field.text_control': '含有不可见的控制字符（如 NUL），请重新输入',
  'field.text_surrogate': '含有残缺的字符（不成对的代理项），请重新输入',
} as const;

export const textMessagesEn: Record<keyof typeof textMessagesZh, string> = {
  'field.text_control': 'contains an invisible control character (such as NUL); please type it again',
  'field.text_surrogate': 'contains a broken character (an unpaired surrogate); please type it again',
};
