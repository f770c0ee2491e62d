// Chunks are cached for a year under their content's hash, and a new build removes the old ones. A page
// opened before a new build then asks for a chunk that is gone (vite:preloadError): it loads itself
// again, once, and gets the new build's names. A second failure soon after is left to show as an error.
const KEY = 'wangge.reloadedForChunks';

window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem(KEY) ?? 0);
  if (Date.now() - last < 10_000) return;
  sessionStorage.setItem(KEY, String(Date.now()));
  event.preventDefault();
  window.location.reload();
});
