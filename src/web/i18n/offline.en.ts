import type { OfflineMessages } from './offline.zh-CN';

// Offline field work (issue 13) in English: typed by the Chinese, so a missing or extra key is a type error.
const offlineEn: OfflineMessages = {
  offline: 'Offline',
  offlineHint: 'No network: records are kept on the phone and sent when it returns',
  waiting: '{{n}} waiting to send',
  refused: '{{n}} refused',
  queueTitle: 'Waiting to send',
  queueEmpty: 'Nothing waits to be sent',
  sendNow: 'Send now',
  stateWaiting: 'Waiting',
  stateRetry: 'Try {{n}} failed, again at {{at}}',
  stateRefused: 'Refused',
  dismiss: 'Remove',
  queued: 'Kept on the phone, sent when the network returns',
  queuedTitle: 'Saved, waiting to send',
  backToDoors: 'Back to the doors',
  pendingDoor: 'Waiting to send',
  cachedData: 'Offline data (saved {{at}})',
  logoutWaiting:
    '{{n}} records are not sent yet. After logging out, only you can send them by logging in again. Log out?',
  visitLabel: 'Visit: {{place}}',
  nobodyHomeLabel: 'Visit (nobody home): {{place}}',
  checkInLabel: 'Check-in: {{place}}',
  checkOutLabel: 'Check-out: {{place}}',
  passageLabel: 'Passage: {{what}}',
  gateScanLabel: 'Gate {{direction}}: {{name}} ({{place}})',
};

export default offlineEn;
