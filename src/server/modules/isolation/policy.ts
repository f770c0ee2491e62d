import { DEFAULT_FEVER_THRESHOLD } from '../../../domain/isolation/checks';
import { DEFAULT_MEASURE_RULES, type MeasureRules } from '../../../domain/isolation/measures';
import type { Services } from '../../platform/services';
import { ledgerDay } from '../ledger/policy';

// The deployment's rules for isolation: the fever threshold is the ledger policy's (one threshold for
// the door and the checks, 37.3 °C by default); the stages per category are the default ones (14, 14 + 7).

export interface IsolationPolicy {
  feverThresholdC: number;
  rules: MeasureRules;
  today: string;
}

export async function isolationPolicy(services: Services): Promise<IsolationPolicy> {
  const day = await ledgerDay(services);
  return {
    feverThresholdC: day.policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD,
    rules: DEFAULT_MEASURE_RULES,
    today: day.today,
  };
}
