import { DEFAULT_FEVER_THRESHOLD } from '../../../domain/isolation/checks';
import { useLedgerDay } from '../../http/ledger';

/** The deployment's fever threshold (°C): the ledger policy's, 37.3 by default. */
export function useFeverThreshold(): number {
  return useLedgerDay().data?.policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD;
}
