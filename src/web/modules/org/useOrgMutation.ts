import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { errorText } from '../../http/errors';
import { orgKeys } from '../../http/org';

/** A write to the tree: on success refresh everything the tree page shows; on failure show the server's message. */
export function useOrgMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>, onDone?: (result: TResult, vars: TVars) => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      onDone?.(result, vars);
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });
}
