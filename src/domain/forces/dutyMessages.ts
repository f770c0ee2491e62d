// Server messages of duty (call-ups, rosters, check-in), zh-CN and en; spread into the catalogue in i18n/messages.ts.
export const dutyMessagesZh = {} as const;

export const dutyMessagesEn: Record<keyof typeof dutyMessagesZh, string> = {};
