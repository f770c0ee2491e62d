import { Progress, Steps, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStepName } from '../../../http/ledger';
import type { ImportStage } from './importApi';

export interface ImportProgressState {
  /** what the request does: 正在检查… */
  label: string;
  /** the server's steps this request goes through, in order */
  steps: readonly ImportStepName[];
  stage: ImportStage;
}

type Phase = 'upload' | ImportStepName;
type Status = 'wait' | 'process' | 'finish';

/**
 * Where an import request is: the upload, then the server's steps (read, check, de-duplicate, write) as
 * the server tells them, each waiting, under way or done, and a bar over the whole request: the steps
 * before the one under way count whole, that one by how far it has come (bytes read, rows checked,
 * rows written).
 */
export function ImportProgressView({ progress }: { progress: ImportProgressState }) {
  const { t } = useTranslation();
  const { stage, steps } = progress;
  // the import is started from the foot of a long report: bring the progress into view as it starts
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const phases: Phase[] = ['upload', ...steps];
  const server = stage.kind === 'server' ? stage.progress : null;
  const status = (phase: Phase): Status => {
    if (phase === 'upload') return stage.kind === 'upload' ? 'process' : 'finish';
    const s = server?.steps.find((x) => x.step === phase);
    if (!s) return 'wait';
    return s.state === 'done' ? 'finish' : s.state === 'active' ? 'process' : 'wait';
  };
  const statuses = phases.map(status);
  // the phase under way: the upload, the server's active step, or (heard of nothing yet) the first one
  let current = statuses.indexOf('process');
  if (current === -1) {
    const lastDone = statuses.lastIndexOf('finish');
    current = Math.min(lastDone + 1, phases.length - 1);
  }
  const phase = phases[current];
  const active = server?.steps.find((x) => x.step === phase && x.state === 'active');
  const fraction =
    stage.kind === 'upload'
      ? stage.fraction
      : active && active.total > 0
        ? Math.min(1, active.done / active.total)
        : statuses[current] === 'finish'
          ? 1
          : 0;
  const percent = Math.floor(((current + fraction) / phases.length) * 100);
  const n = (v: number) => v.toLocaleString();
  const pct = Math.round(fraction * 100);
  const rows = active && active.total > 0 ? { done: n(active.done), total: n(active.total) } : undefined;
  const detail =
    phase === 'upload'
      ? t('importer.progress.uploadDetail', { percent: pct })
      : !active
        ? t('importer.progress.waiting')
        : phase === 'read'
          ? t('importer.progress.readDetail', { percent: pct })
          : phase === 'dedupe'
            ? t('importer.progress.dedupeDetail', { percent: pct })
            : !rows
              ? t('importer.progress.working')
              : phase === 'check'
                ? t('importer.progress.checkDetail', rows)
                : t('importer.progress.writeDetail', rows);

  return (
    <div
      ref={box}
      style={{ marginBottom: 16 }}
      data-testid="import-progress"
      data-step={phase}
      data-done={phases.filter((_, i) => statuses[i] === 'finish').join(',')}
    >
      <Typography.Text type="secondary">{progress.label}</Typography.Text>
      <Steps
        size="small"
        current={current}
        style={{ margin: '8px 0' }}
        items={phases.map((p, i) => ({
          title: t(`importer.progress.${p}`),
          status: statuses[i],
        }))}
      />
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary" data-testid="import-progress-detail">
        {detail}
      </Typography.Text>
    </div>
  );
}
