import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './modules/access/authRoutes';
import { accessRoutes } from './modules/access/routes';
import { auditRoutes } from './modules/audit/routes';
import { careRoutes } from './modules/care/routes';
import { checkpointRoutes } from './modules/checkpoints/routes';
import { forcesRoutes } from './modules/forces/routes';
import { gatesRoutes } from './modules/gates/routes';
import { isolationRoutes } from './modules/isolation/routes';
import { exportRoutes } from './modules/ledger/exportRoutes';
import { importRoutes } from './modules/ledger/importRoutes';
import { ledgerRoutes } from './modules/ledger/routes';
import { screeningRoutes } from './modules/ledger/screeningRoutes';
import { orgRoutes } from './modules/org/routes';
import { type RouteAccess, registerAccessControl } from './platform/access';
import { registerBodyLimit } from './platform/bodyLimit';
import { notFound, registerErrorHandling, sendError } from './platform/errors';
import { registerInputTextCheck } from './platform/inputText';
import { redactingLogger, registerNoStore } from './platform/privacy';
import { platformRoutes } from './platform/routes';
import type { Services } from './platform/services';
import { serveWebApp, webPageFor } from './platform/webApp';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** serve the built web app from dist/web */
  serveWeb?: boolean;
}

/** The Fastify app: platform plugins, then every module's routes. */
export async function buildApp(services: Services, options: AppOptions = {}) {
  const state = { ready: false };
  const app = Fastify({
    logger: redactingLogger(options.logger ?? false),
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: 'loopback', // X-Forwarded-For only from a reverse proxy on this machine
    bodyLimit: 10 * 1024 * 1024,
  });
  // The route table, read by the access-matrix test to call every endpoint as every role.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({
          method,
          url: r.url,
          access: (r.config as { access?: RouteAccess } | undefined)?.access,
        });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design writes its styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: services.config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Wangge 网格防控 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wangge_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  registerNoStore(app);
  registerBodyLimit(app);
  registerAccessControl(app, services);
  registerInputTextCheck(app);

  platformRoutes(app, services, state);
  authRoutes(app, services);
  orgRoutes(app, services);
  accessRoutes(app, services);
  ledgerRoutes(app, services);
  screeningRoutes(app, services);
  importRoutes(app, services);
  exportRoutes(app, services);
  forcesRoutes(app, services);
  gatesRoutes(app, services);
  auditRoutes(app, services);
  checkpointRoutes(app, services);
  isolationRoutes(app, services);
  careRoutes(app, services);

  const serveWeb = (options.serveWeb ?? true) && existsSync(WEB_ROOT);
  if (serveWeb) {
    await serveWebApp(app, WEB_ROOT);
  }
  // The web app's routes are client-side: any other GET outside /api gets index.html.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isFile = /\.[a-z0-9]+$/i.test(path); // a missing asset is a 404, not the app
    if (serveWeb && request.method === 'GET' && !path.startsWith('/api/') && !isFile) {
      return reply.sendFile(webPageFor(path));
    }
    return sendError(reply, request.locale, notFound());
  });

  app.addHook('onReady', async () => {
    state.ready = true;
  });
  return app;
}
