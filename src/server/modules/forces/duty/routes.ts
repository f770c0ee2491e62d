import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services';
import { callupRoutes } from './callupRoutes';
import { rosterRoutes } from './rosterRoutes';
import { signupRoutes } from './signupRoutes';

// Call-ups (招募令), their public sign-up page, rosters and duty. The alerts of missed and
// understaffed shifts are swept by a job the server starts (alertJob.ts).
export function dutyRoutes(app: FastifyInstance, services: Services) {
  callupRoutes(app, services);
  signupRoutes(app, services);
  rosterRoutes(app, services);
}
