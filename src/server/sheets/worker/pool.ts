// Sheet workers: every upload is read in a worker thread, never on the server's event loop, so that a
// sheet built to be slow (40,000 overlapping merged ranges, a zip bomb) costs at most one worker for a
// while and the server keeps answering (/healthz, every other request). A few workers
// (WANGGE_SHEET_WORKERS, default: one per core but one, at most two) are started when the first upload
// comes and kept; jobs wait their turn in order. A worker whose heap passes UPLOAD_LIMITS.workerMemoryMb,
// or that works on one upload longer than UPLOAD_LIMITS.workerSeconds, is stopped, its upload refused
// (413 naming the limit), and a fresh worker takes the next job. The jobs are those of a table
// (jobTable.ts): the layer's own (sheetJobs.ts) or a module's.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UPLOAD_LIMITS } from '../../../domain/uploads/limits';
import { AppError } from '../../platform/errors';
import type { JobProgress } from './progress';
import type { JobAnswer, JobRequest } from './worker';

const ENTRY = new URL('./entry.mjs', import.meta.url);

interface Task {
  request: JobRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** told the job's progress as the worker posts it */
  onProgress?: (p: JobProgress) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** why the worker stopped, when it was stopped or died at work */
  failure?: AppError | Error;
}

function poolSize(): number {
  const asked = Number(process.env.WANGGE_SHEET_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

const slots: Slot[] = [];
const queue: Task[] = [];
let nextId = 0;

function settle(slot: Slot): Task | undefined {
  const task = slot.task;
  clearTimeout(slot.timer);
  slot.task = undefined;
  slot.timer = undefined;
  slot.worker.unref();
  return task;
}

function spawn(): Slot {
  const worker = new Worker(ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: UPLOAD_LIMITS.workerMemoryMb },
  });
  const slot: Slot = { worker };
  worker.unref();
  worker.on('message', (answer: JobAnswer) => {
    if ('progress' in answer) {
      if (slot.task?.request.id === answer.id) slot.task.onProgress?.(answer.progress);
      return;
    }
    const task = settle(slot);
    if (!task || task.request.id !== answer.id) return;
    if (answer.ok) task.resolve(answer.value);
    else if (answer.app) {
      const { code, key, params, fields } = answer.app;
      task.reject(new AppError(code, key, params, fields));
    } else {
      const error = new Error(answer.message ?? 'sheet worker failed');
      error.stack = `${error.message}\n(in a sheet worker)\n${answer.stack ?? ''}`;
      task.reject(error);
    }
    pump();
  });
  worker.on('error', (err: Error & { code?: string }) => {
    slot.failure ??=
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError('too_large', 'upload.limit.memory', { limit: `${UPLOAD_LIMITS.workerMemoryMb} MB` })
        : err;
  });
  worker.on('exit', () => {
    const i = slots.indexOf(slot);
    if (i !== -1) slots.splice(i, 1);
    const task = settle(slot);
    task?.reject(slot.failure ?? new Error('sheet worker stopped'));
    pump();
  });
  return slot;
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => !s.task);
    if (!slot && slots.length < poolSize()) {
      slot = spawn();
      slots.push(slot);
    }
    if (!slot) return;
    const task = queue.shift() as Task;
    const busy = slot;
    busy.task = task;
    busy.worker.ref();
    busy.timer = setTimeout(() => {
      busy.failure = new AppError('too_large', 'upload.limit.time', { limit: UPLOAD_LIMITS.workerSeconds });
      void busy.worker.terminate();
    }, UPLOAD_LIMITS.workerSeconds * 1000);
    busy.worker.postMessage(task.request);
  }
}

/** Bytes as a worker gives them back (a Uint8Array), as a Buffer again, without a copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs the job `name` of the table declared in `module` (jobTable.ts: call it through the table's run)
 * in a sheet worker. The arguments are copied to the worker (the caller's buffers stay usable); the
 * answer is the job's, or its AppError rethrown here; `onProgress` is told how far it has come
 * (progress.ts) as the worker posts it.
 */
export function runInSheetWorker(
  module: string,
  name: string,
  args: unknown[],
  onProgress?: (p: JobProgress) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    queue.push({ request: { id: ++nextId, module, name, args }, resolve, reject, onProgress });
    pump();
  });
}

/** Stops every sheet worker (the server's graceful stop; tests). Jobs still waiting are refused. */
export async function stopSheetWorkers(): Promise<void> {
  for (const task of queue.splice(0)) task.reject(new Error('sheet workers stopped'));
  await Promise.all(slots.map((s) => s.worker.terminate()));
}
