import { platformNow } from '../../../platform/clock';
import type { Services } from '../../../platform/services';
import { sweepDutyAlerts } from './hours';

/**
 * Flags missed and understaffed shifts to their units' offices ('duty.alert' events) every
 * WANGGE_DUTY_SWEEP_SECONDS (five minutes unless said), on the platform clock
 * (the demo's replayed day, or the real time). Started by the server beside the colour recheck;
 * answers a function that stops it.
 */
export function scheduleDutyAlerts(services: Services, log: (msg: string) => void): () => void {
  let since = platformNow(services.config).getTime();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const now = platformNow(services.config).getTime();
    sweepDutyAlerts(services, since, now)
      .then(() => {
        since = now;
      })
      .catch((e: Error) => log(`duty alert sweep failed: ${String(e)}`))
      .finally(() => {
        running = false;
      });
  }, services.config.dutySweepSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
