import type { Db } from '../db/connection';
import { sessionsStillValid } from './auth/sessions';
import type { Events } from './events';

// The open event streams of this server process, and the rule that a stream lives no longer than its
// session and its grants: when a user's sessions or grants change (logout, a revoked session, a password
// change, a disabled user, a grant made or revoked) every process is told through NOTIFY and re-checks
// that user's streams at once; and every process re-checks all its streams on a short timer, for what
// ends without a word (a session that expires or idles out, a change made straight in the database).
// A stream whose session ended is closed; so is one whose grants changed, and the browser's
// EventSource then reconnects with the scope the user holds now (or is refused with 401).

export interface OpenStream {
  userId: string;
  /** the SHA-256 of the session token, in hex */
  session: string;
  /** the ids of the user's active grants when the stream opened, sorted */
  grants: string[];
  end(): void;
}

export interface EventStreams {
  add(stream: OpenStream): () => void;
  /** Re-checks the streams (of one user, or all) against the database; closes those that must end. */
  recheck(userId?: string): Promise<void>;
  /** How many streams are open in this process. */
  readonly size: number;
  close(): void;
}

export function createEventStreams(
  db: Db,
  events: Events,
  opts: { recheckSeconds: number; log: (msg: string, err?: unknown) => void },
): EventStreams {
  const streams = new Set<OpenStream>();

  const recheck = async (userId?: string) => {
    const targets = [...streams].filter((s) => !userId || s.userId === userId);
    if (!targets.length) return;
    const valid = await sessionsStillValid(
      db,
      [...new Set(targets.map((s) => s.session))].map((h) => Buffer.from(h, 'hex')),
    );
    for (const s of targets) {
      const now = valid.get(s.session);
      if (!now || now.grants.join(',') !== s.grants.join(',')) {
        streams.delete(s);
        s.end();
      }
    }
  };
  const safely = (userId?: string) => {
    recheck(userId).catch((err) => opts.log('re-checking the event streams failed', err));
  };

  const stopListening = events.onSessionsChanged((userId) => safely(userId));
  const timer = setInterval(() => safely(), opts.recheckSeconds * 1000);
  timer.unref();

  return {
    add(stream) {
      streams.add(stream);
      return () => streams.delete(stream);
    },
    recheck,
    get size() {
      return streams.size;
    },
    close() {
      clearInterval(timer);
      stopListening();
      for (const s of streams) s.end();
      streams.clear();
    },
  };
}
