import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, currentUser } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { revokeSession, SESSION_COOKIE, SESSION_HOURS, userOfSession } from '../../platform/auth/sessions';
import { sendError, unauthenticated } from '../../platform/errors';
import { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { demoPasswordUsers } from '../../setup/demo';
import * as access from './service';

// Log in and out, change one's password, and who am I.
export function authRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: services.config.secureCookies,
    maxAge: SESSION_HOURS * 3600 * 14, // the server ends idle sessions after SESSION_HOURS
  };

  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: 'Log in; sets the session cookie',
      body: z.object({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }),
      security: [],
    },
    config: {
      access: { public: true },
      rateLimit: { max: services.config.loginRateLimit, timeWindow: '1 minute' },
    },
    handler: async (req, reply) => {
      const result = await access.login(services, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      if (!result.ok) return sendError(reply, req.locale, result.error);
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      const user = await userOfSession(services.db, result.token);
      if (!user) throw unauthenticated();
      return access.me(services.db, user, new Scope(user.grants));
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'End this session' },
    config: { access: {} },
    handler: async (req, reply) => {
      const user = currentUser(req);
      if (req.sessionToken) await revokeSession(services.db, req.sessionToken);
      await writeAudit(services.db, {
        action: 'auth.logout',
        userId: user.id,
        username: user.username,
        unitPath: user.homeUnitPath,
        ip: req.ip,
        requestId: req.id,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.post('/api/auth/password', {
    schema: {
      tags,
      summary:
        "Change one's password (ends one's other sessions); 400 naming newPassword when it is weak, common or holds the username; 423 after too many wrong current passwords",
      body: z.object({
        currentPassword: z.string().min(1).max(200),
        newPassword: z.string().min(1).max(200),
      }),
    },
    // guesses of the current password are also counted per user (access.changePassword)
    config: { access: {}, rateLimit: { max: services.config.loginRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      await access.changePassword(services, actorOf(req), req.sessionToken, req.body);
      return reply.status(204).send();
    },
  });

  // Whether demo users keep the published password: the login pages then say it is a demo. Checked
  // at most once a minute (argon2 for each demo user), whoever asks.
  let demoCheck: { at: number; open: Promise<boolean> } | undefined;
  app.get('/api/auth/demo', {
    schema: {
      tags,
      summary: 'Whether this is a demo: demo users still sign in with the published password',
      security: [],
    },
    config: { access: { public: true } },
    handler: async () => {
      if (!demoCheck || Date.now() - demoCheck.at > 60_000) {
        demoCheck = {
          at: Date.now(),
          open: demoPasswordUsers(services.db).then(
            (users) => users.length > 0,
            () => false,
          ),
        };
      }
      return { demo: await demoCheck.open };
    },
  });

  app.get('/api/me', {
    schema: { tags, summary: 'The signed-in user: roles on units, permissions' },
    config: { access: {} },
    handler: (req) => access.me(services.db, currentUser(req), req.scope),
  });
}
