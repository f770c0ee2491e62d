// Server messages of finding in the ledger (search, paging), zh-CN and en; spread into the catalogue in
// i18n/messages.ts.
export const findMessagesZh = {
  'find.door_needs_community': '按门牌或楼栋查找请先选择一个社区（村）或其下级',
  'find.page_too_deep': '最多可跳到第 {max} 页；请先筛选或选择下级单位，或用“下一页”继续翻看',
  'find.cursor_and_page': '“after”“before”“page”只能给一个',
} as const;

export const findMessagesEn: Record<keyof typeof findMessagesZh, string> = {
  'find.door_needs_community': 'To find a door or a building, first choose a community (or a unit below it)',
  'find.page_too_deep':
    'You can jump to page {max} at most; filter the list or choose a unit below, or go on with "Next"',
  'find.cursor_and_page': 'Give only one of "after", "before" and "page"',
};
