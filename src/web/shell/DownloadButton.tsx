import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorText } from '../http/errors';
import { downloadFile } from '../http/transfer';

/** A button that downloads a file from the API (a template, an export), the server's message on failure. */
export function DownloadButton({
  url,
  fileName,
  icon,
  testId,
  children,
}: {
  url: string;
  fileName: string;
  icon: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={icon}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(url, fileName);
        } catch (err) {
          message.error(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
