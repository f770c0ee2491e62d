import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { currentUser } from './access';
import { tokenHash } from './auth/sessions';
import { platformNow, platformToday } from './clock';
import { createEventStreams, type EventStreams } from './eventStreams';
import type { Services } from './services';

declare module 'fastify' {
  interface FastifyInstance {
    /** the open event streams of this process (re-checked against sessions and grants) */
    eventStreams: EventStreams;
  }
}

// Platform endpoints: health, readiness, the platform clock, and the server-sent event stream.
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

  // the platform clock, for the screens of every module: the day a demonstration replays, or today
  app.get(
    '/api/clock',
    {
      config: { access: {} },
      schema: {
        tags: ['platform'],
        summary: 'The platform clock: its day and instant (WANGGE_TODAY replays a day)',
      },
    },
    async () => ({ today: platformToday(services.config), now: platformNow(services.config).toISOString() }),
  );

  const streams = createEventStreams(services.db, services.events, {
    recheckSeconds: services.config.streamRecheckSeconds,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  app.decorate('eventStreams', streams);
  app.addHook('onClose', async () => streams.close());

  // Server-sent events: only the events about units in the caller's scope, each where the caller holds
  // the permission that guards its data; the stream ends with the session (see eventStreams.ts).
  app.get('/api/events', { config: { access: {} }, schema: { tags: ['platform'] } }, (request, reply) => {
    const user = currentUser(request);
    const scope = request.scope;
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
      if (scope.allows(event.permission, event.unitPath)) {
        const { type, unitPath, data } = event;
        res.write(`event: ${type}\ndata: ${JSON.stringify({ type, unitPath, data })}\n\n`);
      }
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    let removeStream = () => {};
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      removeStream();
    };
    removeStream = streams.add({
      userId: user.id,
      session: request.sessionToken ? tokenHash(request.sessionToken).toString('hex') : '',
      grants: user.grants.map((g) => g.id).sort(),
      end: () => {
        stop();
        res.end();
      },
    });
    request.raw.on('close', stop);
  });
}
