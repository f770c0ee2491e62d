import { useEffect, useRef } from 'react';

// The server's events (GET /api/events, server-sent events about units in the user's scope) shared by
// every screen that listens: one EventSource while anyone listens, closed when the last one leaves.

export interface ServerEvent {
  type: string;
  unitPath: string;
  data?: Record<string, unknown>;
}

type Listener = (event: ServerEvent) => void;

const listeners = new Map<string, Set<Listener>>();
let source: EventSource | null = null;
const attached = new Set<string>();

function dispatch(type: string, raw: MessageEvent) {
  let event: ServerEvent;
  try {
    event = JSON.parse(String(raw.data)) as ServerEvent;
  } catch {
    return;
  }
  for (const l of listeners.get(type) ?? []) l(event);
}

function ensureSource(): EventSource | null {
  if (typeof EventSource === 'undefined') return null;
  if (!source || source.readyState === EventSource.CLOSED) {
    source = new EventSource('/api/events', { withCredentials: true });
    attached.clear();
  }
  for (const type of listeners.keys()) {
    if (attached.has(type)) continue;
    source.addEventListener(type, (e) => dispatch(type, e as MessageEvent));
    attached.add(type);
  }
  return source;
}

function release() {
  const anyone = [...listeners.values()].some((s) => s.size > 0);
  if (!anyone && source) {
    source.close();
    source = null;
    attached.clear();
  }
}

/** Calls `onEvent` for every server event of the given types while the component is mounted. */
export function useServerEvents(types: readonly string[], onEvent: Listener): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');
  useEffect(() => {
    const wanted = key.split(',').filter(Boolean);
    const l: Listener = (e) => handler.current(e);
    for (const t of wanted) {
      const set = listeners.get(t) ?? new Set<Listener>();
      set.add(l);
      listeners.set(t, set);
    }
    ensureSource();
    return () => {
      for (const t of wanted) listeners.get(t)?.delete(l);
      release();
    };
  }, [key]);
}
