import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { dutyKeys } from '../../http/duty';
import { errorText } from '../../http/errors';

/** A write to call-ups or rosters: refresh the duty screens; show the server's message on failure. */
export function useDutyMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts: { silentError?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      await queryClient.invalidateQueries({ queryKey: dutyKeys.all });
      onDone?.(result, vars);
    },
    onError: (err) => {
      if (!opts.silentError) message.error(errorText(err));
    },
  });
}
