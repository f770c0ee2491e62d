import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { errorText } from '../../http/errors';
import { orgKeys } from '../../http/org';

/** A write to the tree: on success refresh everything the tree page shows; on failure show the server's message. */
export function useOrgMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void | Promise<void>,
  /** a unit that no longer exists after the write: its queries are not refetched (they would answer 404) */
  gone?: string,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      if (gone) {
        const about = (key: readonly unknown[]) => key.includes(gone);
        await queryClient.cancelQueries({ predicate: (q) => about(q.queryKey) });
        await onDone?.(result, vars);
        await queryClient.invalidateQueries({ queryKey: orgKeys.all, predicate: (q) => !about(q.queryKey) });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      onDone?.(result, vars);
    },
    onError: (err) => {
      message.error(errorText(err));
    },
  });
}
