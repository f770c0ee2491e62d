import { dutyKeys } from '../../http/duty';
import { useWrite, type WriteOptions } from '../../shell/useWrite';

/** A write to call-ups or rosters: refresh the duty screens; show the server's message on failure. */
export function useDutyMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts?: WriteOptions,
) {
  return useWrite(dutyKeys.all, fn, onDone, opts);
}
