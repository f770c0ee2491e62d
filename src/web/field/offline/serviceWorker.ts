// The phone app's service worker (built by vite-plugin-pwa, vite.config.ts): it keeps the field page and
// the files it needs, so that /field opens without a network. Its scope is /field: the desk (/) is never
// under it. It answers no API call: the app keeps its own reference data (reference.ts).
export const SERVICE_WORKER_URL = '/field-sw.js';
export const SERVICE_WORKER_SCOPE = '/field';

export function registerFieldServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // no service worker under the development server (the file is not there): the registration fails quietly
  navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE, updateViaCache: 'none' })
    .catch(() => {});
}
