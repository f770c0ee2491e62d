import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../http/errors';

export interface PrintJob {
  /** the sheet to print (a PrintSheet) */
  sheet: ReactNode;
  /** A4 landscape for wide sheets, else portrait */
  orientation: 'portrait' | 'landscape';
  /** said on screen before printing (e.g. more rows than are printed) */
  warning?: string;
}

/**
 * 打印: prepares a sheet (fetching what it needs), puts it beside the app, and opens the browser's print
 * dialog; print.css prints the sheet alone. The sheet goes once the dialog is closed.
 */
export function PrintButton({
  prepare,
  label,
  testId,
}: {
  prepare: () => Promise<PrintJob>;
  label?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<PrintJob | null>(null);

  useEffect(() => {
    if (!job) return;
    const done = () => setJob(null);
    window.addEventListener('afterprint', done);
    // print once the sheet is laid out
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [job]);

  const start = async () => {
    setBusy(true);
    try {
      const next = await prepare();
      if (next.warning) message.warning(next.warning, 8);
      setJob(next);
    } catch (err) {
      message.error(t('print.failed', { reason: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void start()} data-testid={testId}>
        {label ?? t('print.button')}
      </Button>
      {job &&
        createPortal(
          <div className="print-view" data-orientation={job.orientation} data-testid="print-view">
            {job.sheet}
          </div>,
          document.body,
        )}
    </>
  );
}
