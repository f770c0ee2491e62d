import { ledgerKeys } from '../../http/ledger';
import { useWrite, type WriteOptions } from '../../shell/useWrite';

/** A write to the ledger: refresh what the ledger screens show; show the server's message on failure. */
export function useLedgerMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts?: WriteOptions,
) {
  return useWrite(ledgerKeys.all, fn, onDone, opts);
}
