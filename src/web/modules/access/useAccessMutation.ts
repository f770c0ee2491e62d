import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { accessKeys } from '../../http/access';
import { errorText } from '../../http/errors';

/** A write to users or grants: refresh the users list after, show the server's message on failure. */
export function useAccessMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts: { silentError?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      await queryClient.invalidateQueries({ queryKey: accessKeys.all });
      onDone?.(result, vars);
    },
    onError: (err) => {
      if (!opts.silentError) message.error(errorText(err));
    },
  });
}
