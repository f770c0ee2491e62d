// Inside a sheet worker: runs the jobs the pool posts (uploadJobs.ts) one at a time and posts back
// their answer, or their error: an AppError as its parts (code, message key, parameters, fields), so
// that the main thread throws the same AppError; anything else as its message.

import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../platform/errors';
import { type JobName, type JobProgress, onJobProgress, uploadJobs } from './uploadJobs';

export interface JobRequest {
  id: number;
  name: JobName;
  args: unknown[];
}

export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  /** not an answer: how far the job has come (uploadJobs.onJobProgress), posted as it works */
  | { id: number; progress: JobProgress }
  | {
      id: number;
      ok: false;
      app?: Pick<AppError, 'code' | 'key' | 'params' | 'fields'>;
      message?: string;
      stack?: string;
    };

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread (see pool.ts)');

port.on('message', async ({ id, name, args }: JobRequest) => {
  let answer: JobAnswer;
  // progress is posted when its step changes or it has come another hundredth of the way
  let last: JobProgress | undefined;
  onJobProgress((p) => {
    const moved =
      !last ||
      last.step !== p.step ||
      p.done === p.total ||
      (p.total > 0 && (p.done - last.done) / p.total >= 0.01);
    if (!moved) return;
    last = p;
    port.postMessage({ id, progress: p } satisfies JobAnswer);
  });
  try {
    const job = uploadJobs[name] as (...a: unknown[]) => Promise<unknown>;
    answer = { id, ok: true, value: await job(...args) };
  } catch (e) {
    answer =
      e instanceof AppError
        ? { id, ok: false, app: { code: e.code, key: e.key, params: e.params, fields: e.fields } }
        : { id, ok: false, message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack };
  }
  port.postMessage(answer);
});
