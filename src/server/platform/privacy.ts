import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';

// Personal data outside the answers (issue 11, findings 8 and 15): docs/architecture.md, "Security and
// concurrency" → "Masks, disclosure, logs and caches".
// - The log never holds a query string's values: a phone or an ID number typed into a search box
//   travels as `?q=…`, and the access log would keep it in clear for as long as the logs are kept. The
//   parameter names stay (`?unit=~&q=~`), enough to tell one kind of request from another.
// - Every answer under /api/ says `Cache-Control: no-store` unless its route set its own: answers hold
//   personal data (who is logged in, residents, reveals, exports), and neither the browser's cache nor a
//   proxy may keep them. The web app's files (webApp.ts) keep their own caching.

/** The URL as the log may hold it: the path, and the query's parameter names with their values hidden. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const name = part.split('=')[0];
      // a name is only kept when it looks like one (a value put where a name goes is hidden too)
      return /^[A-Za-z][\w.[\]-]{0,39}$/.test(name) ? `${name}=~` : '~';
    });
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** Fastify's request serializer, with the query string's values hidden. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger options with the redacting request serializer (false stays false). */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } };
}

export const NO_STORE = 'no-store';

/** `Cache-Control: no-store` on every answer under /api/ whose route did not set its own. */
export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', NO_STORE);
    return payload;
  });
}
