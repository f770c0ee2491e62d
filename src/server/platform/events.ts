import { type Kysely, sql } from 'kysely';
import pg from 'pg';

// Events between server processes: PostgreSQL NOTIFY on one channel, LISTEN in every process, fanned
// out to the browsers through server-sent events (GET /api/events). A notification sent inside a
// transaction is delivered when it commits, so nobody hears of a change that was rolled back.

export const EVENTS_CHANNEL = 'wangge_events';

export interface AppEvent {
  type: string;
  /** the materialised path of the unit it concerns: only users whose scope holds it hear of it */
  unitPath: string;
  data?: Record<string, unknown>;
}

export interface Events {
  publish(db: Kysely<any>, event: AppEvent): Promise<void>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  close(): Promise<void>;
}

export async function publishEvent(db: Kysely<any>, event: AppEvent): Promise<void> {
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

export async function createEvents(connectionString: string, log: (msg: string) => void): Promise<Events> {
  const listeners = new Set<(event: AppEvent) => void>();
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (msg) => {
      if (!msg.payload) return;
      const event = JSON.parse(msg.payload) as AppEvent;
      for (const l of listeners) l(event);
    });
    c.on('error', (err) => {
      log(`event listener lost its connection: ${err.message}; reconnecting`);
      c.end().catch(() => {});
      if (!closed) setTimeout(() => connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = c;
  };
  await connect();

  return {
    publish: publishEvent,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      await client?.end().catch(() => {});
    },
  };
}
