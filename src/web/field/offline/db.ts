import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

// The phone's own database (IndexedDB, through `idb`): the writes waiting to be sent and the reference
// data a field screen needs without a network (docs/architecture.md, "Offline field work").

export const DB_NAME = 'wangge-field';

/** The server's refusal of a write, as kept on the queue item (its message is in the user's language). */
export interface RefusalBody {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
}

export interface QueuedWrite {
  /** the order of the queue: first in, first out */
  seq?: number;
  /** the record's client-made UUID (DESIGN rule 4): a replay is answered with the first result */
  clientId: string;
  /** what it is, for the screens that list their own waiting writes ('screening.visit', 'duty.check-in') */
  kind: string;
  /** what the queue list shows ("3 号楼 2 单元 301 入户排查") */
  label: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** the user who made it: only their session sends it */
  user: string;
  createdAt: number;
  state: 'pending' | 'refused';
  /** failed tries (network, 5xx, 429) so far */
  attempts: number;
  /** not tried again before this instant (ms since the epoch) */
  nextAt: number;
  /** why the last try failed ('network', 'HTTP 503') */
  lastError?: string;
  /** a refusal: the server's status and error */
  status?: number;
  error?: RefusalBody;
}

export interface ReferenceEntry {
  /** `${user}|${key}` */
  id: string;
  user: string;
  value: unknown;
  savedAt: number;
}

export interface FieldDb extends DBSchema {
  writes: { key: number; value: QueuedWrite; indexes: { clientId: string } };
  reference: { key: string; value: ReferenceEntry; indexes: { user: string } };
}

let opened: Promise<IDBPDatabase<FieldDb>> | undefined;

export function openFieldDb(): Promise<IDBPDatabase<FieldDb>> {
  opened ??= openDB<FieldDb>(DB_NAME, 1, {
    upgrade(db) {
      const writes = db.createObjectStore('writes', { keyPath: 'seq', autoIncrement: true });
      writes.createIndex('clientId', 'clientId', { unique: true });
      const reference = db.createObjectStore('reference', { keyPath: 'id' });
      reference.createIndex('user', 'user');
    },
  });
  return opened;
}

/** For tests: forget the open connection (a fresh fake IndexedDB follows). */
export function resetFieldDbForTests() {
  opened = undefined;
}
