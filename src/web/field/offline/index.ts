// Offline field work: what another module's phone screen uses (docs/architecture.md, "Offline field work").
export type { QueuedWrite, RefusalBody } from './db';
export { fieldWrite, startFieldQueue, subscribeQueue } from './fieldQueue';
export { OfflineQueueBar } from './OfflineQueueBar';
export type { FieldWriteRequest, FieldWriteResult } from './queue';
export { cachedReference, isUnreachable, peekReference, saveReferences } from './reference';
export { useOnline, useQueuedWrites } from './useQueue';
