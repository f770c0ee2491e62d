import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { errorText } from '../http/errors';

export interface WriteOptions {
  /** the caller shows the error itself (on the form's fields, say) */
  silentError?: boolean;
}

/**
 * A write of a module's screens: refresh every query under the module's key when it succeeds, then
 * `onDone`; the server's message (in the user's language) when it fails, unless silent.
 */
export function useWrite<TVars, TResult>(
  refresh: QueryKey,
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts: WriteOptions = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      await queryClient.invalidateQueries({ queryKey: refresh });
      onDone?.(result, vars);
    },
    onError: (err) => {
      if (!opts.silentError) message.error(errorText(err));
    },
  });
}
