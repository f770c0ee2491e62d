import { accessKeys } from '../../http/access';
import { useWrite, type WriteOptions } from '../../shell/useWrite';

/** A write to users or grants: refresh the users list after, show the server's message on failure. */
export function useAccessMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts?: WriteOptions,
) {
  return useWrite(accessKeys.all, fn, onDone, opts);
}
