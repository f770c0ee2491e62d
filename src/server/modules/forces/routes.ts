import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services';
import { dutyRoutes } from './duty/routes';
import { groupRoutes } from './groupRoutes';
import { peopleRoutes } from './peopleRoutes';
import { responsibilityRoutes } from './responsibilityRoutes';

// The forces module (力量): the registry of people who serve, branches/teams/posts, 包保, and (under
// ./duty) call-ups, shift rosters and duty check-in.
export function forcesRoutes(app: FastifyInstance, services: Services) {
  peopleRoutes(app, services);
  groupRoutes(app, services);
  responsibilityRoutes(app, services);
  dutyRoutes(app, services);
}
