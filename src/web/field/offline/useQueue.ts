import { useEffect, useState, useSyncExternalStore } from 'react';
import type { QueuedWrite } from './db';
import { fieldQueue, subscribeQueue } from './fieldQueue';

/** The signed-in user's queued writes, oldest first, kept current as they are added, sent or refused. */
export function useQueuedWrites(): QueuedWrite[] {
  const [items, setItems] = useState<QueuedWrite[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void fieldQueue
        .items()
        .then((list) => alive && setItems(list))
        .catch(() => {});
    load();
    const stop = subscribeQueue(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return items;
}

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

/** Whether the browser thinks it has a network (navigator.onLine). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
