// Offline field work (issue 13) in Chinese: the queue of writes waiting to be sent, the offline notices.
// zh-CN.ts includes it under `fieldOffline`.
const offlineZh = {
  offline: '离线',
  offlineHint: '当前无网络，记录先保存在手机上，联网后自动发送',
  waiting: '{{n}} 条待发送',
  refused: '{{n}} 条被退回',
  queueTitle: '待发送记录',
  queueEmpty: '没有待发送的记录',
  sendNow: '立即发送',
  stateWaiting: '待发送',
  stateRetry: '第 {{n}} 次发送未成功，{{at}} 再试',
  stateRefused: '被退回',
  dismiss: '移除',
  queued: '已保存在手机上，联网后自动发送',
  queuedTitle: '已保存，待发送',
  backToDoors: '返回门户列表',
  pendingDoor: '待发送',
  cachedData: '离线数据（{{at}} 保存）',
  logoutWaiting: '还有 {{n}} 条记录未发送。退出后，需由本人再次登录才能发送。确定退出？',
  visitLabel: '入户排查：{{place}}',
  nobodyHomeLabel: '入户排查（无人在家）：{{place}}',
  checkInLabel: '上岗签到：{{place}}',
  checkOutLabel: '下岗签退：{{place}}',
  passageLabel: '通行登记：{{what}}',
  gateScanLabel: '门岗{{direction}}：{{name}}（{{place}}）',
};

export type OfflineMessages = typeof offlineZh;
export default offlineZh;
