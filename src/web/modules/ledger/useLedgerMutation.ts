import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { errorText } from '../../http/errors';
import { ledgerKeys } from '../../http/ledger';

/** A write to the ledger: refresh what the ledger screens show; show the server's message on failure. */
export function useLedgerMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts: { silentError?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
      onDone?.(result, vars);
    },
    onError: (err) => {
      if (!opts.silentError) message.error(errorText(err));
    },
  });
}
