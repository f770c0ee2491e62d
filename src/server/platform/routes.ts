import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { currentUser } from './access';
import type { Services } from './services';

// Platform endpoints: health, readiness, and the server-sent event stream.
export function platformRoutes(app: FastifyInstance, services: Services, state: { ready: boolean }) {
  app.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { hide: true } },
    async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(services.db);
        return { status: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );

  app.get('/readyz', { config: { access: { public: true } }, schema: { hide: true } }, async (_req, reply) =>
    state.ready ? { status: 'ready' } : reply.status(503).send({ status: 'starting' }),
  );

  // Server-sent events: only the events about units in the caller's scope.
  app.get('/api/events', { config: { access: {} }, schema: { tags: ['platform'] } }, (request, reply) => {
    const user = currentUser(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`event: hello\ndata: ${JSON.stringify({ user: user.username })}\n\n`);
    const unsubscribe = services.events.subscribe((event) => {
      if (request.scope.allows('org.read', event.unitPath)) {
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
