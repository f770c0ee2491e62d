import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/access/roles';
import { pickLocale } from '../../domain/i18n/messages';
import { SESSION_COOKIE, type SessionUser, userOfSession } from './auth/sessions';
import { forbidden, unauthenticated } from './errors';
import { EMPTY_SCOPE, Scope } from './scope';
import type { Services } from './services';

/**
 * What a route needs, declared in its `config.access`. The access-matrix test reads these from the route
 * table to call every endpoint as every role against in-scope and out-of-scope objects.
 */
export interface RouteAccess {
  /** open to anyone (login, health) */
  public?: boolean;
  /** the permission the route needs somewhere in the user's scope; none = any logged-in user */
  permission?: Permission;
  /** the place-bound object the route acts on, for the access matrix */
  resource?: {
    kind: ResourceKind;
    /** where the object's key goes: a path parameter, or a field of the body or the query string */
    in: 'params' | 'body' | 'query';
    key: string;
    /** a valid body or query built around the object's key */
    example?: (ref: string) => Record<string, unknown>;
  };
  /** a list whose answer must not mention anything outside the scope (query: a valid query string) */
  list?: { query?: Record<string, string> };
}

/** The kinds of place-bound object a route may act on; the access matrix knows how to make each. */
export type ResourceKind =
  | 'unit'
  | 'facility'
  | 'user'
  | 'grant'
  | 'household'
  | 'resident'
  | 'campaign'
  // forces
  | 'person'
  | 'group'
  | 'responsibility'
  | 'callup'
  | 'signup'
  | 'shift'
  | 'assignment'
  // checkpoints
  | 'passage'
  | 'handover'
  // gates
  | 'gate'
  // isolation
  | 'keyPerson'
  | 'measure'
  | 'transfer'
  | 'isolationSite'
  | 'isolationList'
  | 'isolationListRow'
  // care
  | 'careRequest'
  | 'careHousehold';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    locale: import('../../domain/i18n/messages').Locale;
    user: SessionUser | null;
    scope: Scope;
    sessionToken: string | undefined;
  }
}

/** Who acts in a service call: their scope, language, and what the audit log records of them. */
export interface Actor {
  scope: Scope;
  locale: import('../../domain/i18n/messages').Locale;
  /** null when the system itself acts (first start, the CLI before any administrator exists) */
  userId: string | null;
  username: string;
  ip?: string;
  requestId?: string;
}

/** The actor of a request that passed the access check. */
export function actorOf(req: FastifyRequest): Actor & { userId: string } {
  const user = currentUser(req);
  return {
    scope: req.scope,
    locale: req.locale,
    userId: user.id,
    username: user.username,
    ip: req.ip,
    requestId: req.id,
  };
}

/** The signed-in user of a request that passed the access check. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

export function registerAccessControl(app: FastifyInstance, services: Services) {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('user', null);
  app.decorateRequest('scope', null as unknown as Scope); // set on every request below
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.cookies.lang, request.headers['accept-language']);
    request.scope = EMPTY_SCOPE;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const user = await userOfSession(services.db, token);
    if (user) {
      request.user = user;
      request.scope = new Scope(user.grants);
      request.sessionToken = token;
    }
  });

  // Every /api route is closed unless it says it is public; its permission must be held somewhere.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access?.public || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (!request.user) throw unauthenticated();
    if (access?.permission && !request.scope.can(access.permission)) throw forbidden();
  });
}
