import { type ImportProgress, PROGRESS_STEPS, type ProgressStep } from './importer';

// How far an import has come, for the wizard's progress bar (issue 12): a 100,000-row sheet takes a while
// after its upload, and the wizard follows the server's steps (read, check, de-duplicate, write) rather
// than only the upload. The browser names each import request with an id of its choosing (a UUID, the
// `progress` query parameter); the server keeps that request's progress here, in the process serving
// it, and GET /api/ledger/import/progress/{id} answers it to the user who started the request (anyone
// else: 404). Entries are small and short-lived: dropped ten minutes after their request ends, at most
// MAX_TRACKED at once (the oldest go first).

export type StepState = 'waiting' | 'active' | 'done';

export interface ProgressAnswer {
  /** the step under way (the last one once finished) */
  step: ProgressStep;
  /** the request's steps in order, each with its state and, for the one under way, how far it has come */
  steps: { step: ProgressStep; state: StepState; done: number; total: number }[];
  /** the request has answered (or failed) */
  finished: boolean;
}

interface Entry {
  userId: string;
  steps: ProgressAnswer['steps'];
  current: number;
  finished: boolean;
  touched: number;
}

const MAX_TRACKED = 1000;
const KEEP_FINISHED_MS = 10 * 60 * 1000;
const KEEP_UNFINISHED_MS = 2 * 60 * 60 * 1000;

const entries = new Map<string, Entry>();

function sweep(now: number): void {
  for (const [id, e] of entries) {
    const age = now - e.touched;
    if (age > (e.finished ? KEEP_FINISHED_MS : KEEP_UNFINISHED_MS)) entries.delete(id);
  }
  // a Map iterates in insertion order: the oldest first
  for (const id of entries.keys()) {
    if (entries.size < MAX_TRACKED) break;
    entries.delete(id);
  }
}

export interface ProgressTracker {
  /** told by the importer (ImportOptions.onProgress) */
  report(p: ImportProgress): void;
  /** the request has answered (ok: the steps it went through are done) or failed */
  finish(ok: boolean): void;
}

const untracked: ProgressTracker = { report: () => {}, finish: () => {} };

/**
 * Starts keeping the progress of a request named `id` by its user, through `steps` (an import that
 * writes has all four; a check has no write). No id: nothing is kept. An id another user's request
 * holds is not taken over (its progress is not told).
 */
export function trackProgress(
  id: string | undefined,
  userId: string,
  steps: readonly ProgressStep[] = PROGRESS_STEPS,
): ProgressTracker {
  if (!id) return untracked;
  const now = Date.now();
  sweep(now);
  const held = entries.get(id);
  if (held && held.userId !== userId) return untracked;
  entries.delete(id);
  const entry: Entry = {
    userId,
    steps: steps.map((step) => ({ step, state: 'waiting', done: 0, total: 0 })),
    current: 0,
    finished: false,
    touched: now,
  };
  entries.set(id, entry);
  return {
    report(p) {
      const at = entry.steps.findIndex((s) => s.step === p.step);
      if (at === -1 || entry.finished) return;
      // the steps before are done; a step done again (a plan made again after a race) starts over
      entry.steps.forEach((s, i) => {
        if (i < at) s.state = 'done';
        else if (i > at) Object.assign(s, { state: 'waiting', done: 0, total: 0 });
      });
      Object.assign(entry.steps[at], { state: 'active', done: p.done, total: p.total });
      entry.current = at;
      entry.touched = Date.now();
    },
    finish(ok) {
      if (ok)
        entry.steps.forEach((s, i) => {
          if (i <= entry.current && s.state !== 'waiting') s.state = 'done';
        });
      entry.finished = true;
      entry.touched = Date.now();
    },
  };
}

/** The progress of the request `id` as its user sees it; undefined when it is not theirs, or not known. */
export function progressOf(id: string, userId: string): ProgressAnswer | undefined {
  const entry = entries.get(id);
  if (!entry || entry.userId !== userId) return undefined;
  return {
    step: entry.steps[entry.current].step,
    steps: entry.steps.map((s) => ({ ...s })),
    finished: entry.finished,
  };
}
