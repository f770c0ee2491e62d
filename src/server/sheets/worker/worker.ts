// Inside a sheet worker: runs the jobs the pool posts one at a time and posts back their answer, or their
// error: an AppError as its parts (code, message key, parameters, fields), so that the main thread throws
// the same AppError; anything else as its message. A job is named by its table's module (the file that
// declares it, jobTable.ts) and its name; the module is imported once, on its first job.

import { parentPort } from 'node:worker_threads';
import { AppError } from '../../platform/errors';
import { isJobsOf, type JobTable } from './jobTable';
import { type JobProgress, onJobProgress } from './progress';

export interface JobRequest {
  id: number;
  /** the URL of the file that declares the job's table */
  module: string;
  name: string;
  args: unknown[];
}

export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  /** not an answer: how far the job has come (progress.ts), posted as it works */
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

const tables = new Map<string, Promise<JobTable>>();

/** The table declared in a module of the server (a file: URL the pool was given by the server's code). */
function tableOf(module: string): Promise<JobTable> {
  let table = tables.get(module);
  if (!table) {
    if (!module.startsWith('file:')) throw new Error(`not a module of the server: ${module}`);
    table = import(module).then((exports: Record<string, unknown>) => {
      const found = Object.values(exports).find(isJobsOf(module));
      if (!found) throw new Error(`no sheet jobs declared in ${module}`);
      return found.jobs;
    });
    tables.set(module, table);
  }
  return table;
}

port.on('message', async ({ id, module, name, args }: JobRequest) => {
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
    const table = await tableOf(module);
    if (!Object.hasOwn(table, name)) throw new Error(`no sheet job ${name} in ${module}`);
    const job = table[name] as (...a: unknown[]) => Promise<unknown>;
    answer = { id, ok: true, value: await job(...args) };
  } catch (e) {
    answer =
      e instanceof AppError
        ? { id, ok: false, app: { code: e.code, key: e.key, params: e.params, fields: e.fields } }
        : { id, ok: false, message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack };
  }
  port.postMessage(answer);
});
