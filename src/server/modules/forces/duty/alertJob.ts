import { dutyNow } from '../../../../domain/forces/duty';
import type { Services } from '../../../platform/services';
import { sweepDutyAlerts } from './hours';

/** Every this often, shifts that became missed or understaffed are flagged ('duty.alert' events). */
const SWEEP_MS = 5 * 60_000;

/**
 * Flags missed and understaffed shifts to their units' offices, every five minutes, on the duty clock
 * (the demo's replayed day, or the real time). Started by the server beside the colour recheck;
 * answers a function that stops it.
 */
export function scheduleDutyAlerts(services: Services, log: (msg: string) => void): () => void {
  let since = dutyNow(services.config.today);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const now = dutyNow(services.config.today);
    sweepDutyAlerts(services, since, now)
      .then(() => {
        since = now;
      })
      .catch((e: Error) => log(`duty alert sweep failed: ${String(e)}`))
      .finally(() => {
        running = false;
      });
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
