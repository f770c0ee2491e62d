import { sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// Serving the built web app (dist/web): docs/architecture.md, "Serving the web app".
// - Vite writes each file compressed beside itself (x.js.br, x.js.gz); the browser gets the one its
//   Accept-Encoding takes (brotli, then gzip, else the plain file), with the plain file's content type
//   and `Vary: Accept-Encoding`.
// - Files under assets/ have the hash of their content in their name: a browser keeps them for a year
//   without asking again. Everything else (index.html) is asked for again each time (`no-cache`, answered
//   304 while its ETag holds), so a new build reaches every browser at its next page load.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export async function serveWebApp(app: FastifyInstance, root: string) {
  const assets = `${root.endsWith(sep) ? root : root + sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root,
    // files are looked up per request, so a rebuilt web app is served without a restart
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
}

/**
 * The page for a client-side route: field.html for the phone screens (it names their chunks, so a phone
 * fetches them at once), index.html for everything else. Both run the same app and router.
 */
export function webPageFor(path: string): string {
  return path === '/field' || path.startsWith('/field/') ? 'field.html' : 'index.html';
}
