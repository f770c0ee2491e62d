// A table of sheet jobs: the work on an uploaded file that a module runs in a sheet worker (pool.ts),
// off the server's event loop. The layer has its own (sheetJobs.ts: read a sheet, write the error
// sheet); a module declares its own beside its code (the ledger's check of a ledger sheet, forces' check
// of a people sheet), so the layer never imports a module. A table is declared with the URL of the file
// that declares it (import.meta.url): the worker imports that file and finds the table there. Each job
// takes and gives what a worker message can carry (bytes, plain objects, Dates); the jobs are plain async
// functions, so tests may also call them in-process (table.jobs).

import { runInSheetWorker } from './pool';
import type { JobProgress } from './progress';

/** any job: its own parameters are checked where it is declared and where it is run */
export type SheetJob = (...args: never[]) => Promise<unknown>;
export type JobTable = Record<string, SheetJob>;

export interface SheetJobs<T extends JobTable> {
  /** the URL of the file that declares the table (its import.meta.url) */
  readonly module: string;
  readonly jobs: T;
  /** runs a job of the table in a sheet worker; its AppError is rethrown here */
  run<K extends keyof T & string>(name: K, ...args: Parameters<T[K]>): Promise<Awaited<ReturnType<T[K]>>>;
  /** run, telling `onProgress` how far the job has come as it reports it (progress.ts) */
  runReporting<K extends keyof T & string>(
    onProgress: ((p: JobProgress) => void) | undefined,
    name: K,
    ...args: Parameters<T[K]>
  ): Promise<Awaited<ReturnType<T[K]>>>;
}

/** Declares a table of sheet jobs, from the file at `module` (pass import.meta.url). */
export function sheetJobs<T extends JobTable>(module: string, jobs: T): SheetJobs<T> {
  return {
    module,
    jobs,
    run: (name, ...args) =>
      runInSheetWorker(module, name, args) as Promise<Awaited<ReturnType<T[typeof name]>>>,
    runReporting: (onProgress, name, ...args) =>
      runInSheetWorker(module, name, args, onProgress) as Promise<Awaited<ReturnType<T[typeof name]>>>,
  };
}

/** Whether a module's export is the table declared from that module. */
export function isJobsOf(module: string) {
  return (v: unknown): v is SheetJobs<JobTable> =>
    typeof v === 'object' && v !== null && (v as SheetJobs<JobTable>).module === module && 'jobs' in v;
}
