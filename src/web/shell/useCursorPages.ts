import { useCallback, useState } from 'react';

/** Keyset paging: a stack of `after` cursors, so that "previous" returns to a page already seen. */
export function useCursorPages(resetKey: unknown) {
  const [state, setState] = useState<{ key: unknown; stack: (string | null)[] }>({
    key: resetKey,
    stack: [null],
  });
  const stack = state.key === resetKey ? state.stack : [null];
  const after = stack[stack.length - 1];
  const next = useCallback(
    (cursor: string) => setState({ key: resetKey, stack: [...stack, cursor] }),
    [resetKey, stack],
  );
  const prev = useCallback(() => setState({ key: resetKey, stack: stack.slice(0, -1) }), [resetKey, stack]);
  return { after, page: stack.length, next, prev, hasPrev: stack.length > 1 };
}
