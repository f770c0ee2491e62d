// Server messages of forces (registry, organisation, 包保), zh-CN and en; spread into the catalogue in i18n/messages.ts.
export const forcesMessagesZh = {} as const;

export const forcesMessagesEn: Record<keyof typeof forcesMessagesZh, string> = {};
