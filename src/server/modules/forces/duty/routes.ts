import type { FastifyInstance } from 'fastify';
import { dutyNow } from '../../../../domain/forces/duty';
import type { Services } from '../../../platform/services';
import { callupRoutes } from './callupRoutes';
import { sweepDutyAlerts } from './hours';
import { rosterRoutes } from './rosterRoutes';
import { signupRoutes } from './signupRoutes';

/** Every this often, shifts that became missed or understaffed are flagged ('duty.alert' events). */
const SWEEP_MS = 5 * 60_000;

// Call-ups (招募令), their public sign-up page, rosters and duty.
export function dutyRoutes(app: FastifyInstance, services: Services) {
  callupRoutes(app, services);
  signupRoutes(app, services);
  rosterRoutes(app, services);

  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    let since = dutyNow(services.config.today);
    timer = setInterval(() => {
      const now = dutyNow(services.config.today);
      sweepDutyAlerts(services, since, now)
        .then(() => {
          since = now;
        })
        .catch((err: Error) => app.log.warn({ err }, 'duty alert sweep failed'));
    }, SWEEP_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
