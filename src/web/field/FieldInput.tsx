import { Input, type InputProps, type InputRef } from 'antd-mobile';
import { useCallback } from 'react';

/** antd-mobile's Input with the `data-testid` on the <input> itself (antd-mobile puts it on the wrapper). */
export function FieldInput({ testId, ...props }: InputProps & { testId: string }) {
  const ref = useCallback(
    (r: InputRef | null) => {
      r?.nativeElement?.setAttribute('data-testid', testId);
    },
    [testId],
  );
  return <Input {...props} ref={ref} />;
}
