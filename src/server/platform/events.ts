import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { PERMISSIONS, type Permission } from '../../domain/access/roles';
import type { Db } from '../db/connection';

// Events between server processes: PostgreSQL NOTIFY on one channel, LISTEN in every process, fanned
// out to the browsers through server-sent events (GET /api/events). A notification sent inside a
// transaction is delivered when it commits, so nobody hears of a change that was rolled back.

export const EVENTS_CHANNEL = 'wangge_events';
/** A user's sessions or grants changed (logout, revoked, password, disabled, grant): payload the user id. */
export const SESSIONS_CHANNEL = 'wangge_sessions';

export interface AppEvent {
  type: string;
  /** the materialised path of the unit it concerns: only users whose scope holds it hear of it */
  unitPath: string;
  /**
   * The permission that guards the event's data, the one its REST routes need (ledger.changed:
   * ledger.read). A user hears of the event only where they hold it at `unitPath`.
   */
  permission: Permission;
  data?: Record<string, unknown>;
}

export interface Events {
  publish(db: Kysely<any>, event: AppEvent): Promise<void>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Told the id of a user whose sessions or grants changed, in any server process. */
  onSessionsChanged(listener: (userId: string) => void): () => void;
  close(): Promise<void>;
}

export async function publishEvent(db: Kysely<any>, event: AppEvent): Promise<void> {
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

/** Tells every server process that a user's sessions or grants changed (heard after the commit). */
export async function notifySessionsChanged(db: Db, userId: string): Promise<void> {
  await sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${userId})`.execute(db);
}

/** An event as heard from the channel; one without a known permission is dropped (fail closed). */
function parseEvent(payload: string): AppEvent | undefined {
  try {
    const e = JSON.parse(payload) as AppEvent;
    if (typeof e?.type !== 'string' || typeof e.unitPath !== 'string') return undefined;
    if (!(PERMISSIONS as readonly string[]).includes(e.permission)) return undefined;
    return e;
  } catch {
    return undefined;
  }
}

/** Events for processes that only publish (the CLI, most tests): nobody listens. */
export const publishOnly: Events = {
  publish: publishEvent,
  subscribe: () => () => {},
  onSessionsChanged: () => () => {},
  close: async () => {},
};

export async function createEvents(connectionString: string, log: (msg: string) => void): Promise<Events> {
  const listeners = new Set<(event: AppEvent) => void>();
  const sessionListeners = new Set<(userId: string) => void>();
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel === SESSIONS_CHANNEL) {
        for (const l of sessionListeners) l(msg.payload);
        return;
      }
      const event = parseEvent(msg.payload);
      if (event) for (const l of listeners) l(event);
    });
    c.on('error', (err) => {
      log(`event listener lost its connection: ${err.message}; reconnecting`);
      c.end().catch(() => {});
      if (!closed) setTimeout(() => connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    await c.query(`LISTEN ${SESSIONS_CHANNEL}`);
    client = c;
  };
  await connect();

  return {
    publish: publishEvent,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSessionsChanged(listener) {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      sessionListeners.clear();
      await client?.end().catch(() => {});
    },
  };
}
