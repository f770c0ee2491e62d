// How far a sheet job has come (the sheet's XML read, its rows checked), told by the job as it works and
// posted by its worker to whoever runs it (pool.ts), so that a long import never looks frozen.

/** How far a job has come: the sheet's XML read (bytes), or its rows checked. */
export interface JobProgress {
  step: 'read' | 'check';
  done: number;
  total: number;
}

let report: (p: JobProgress) => void = () => {};

/** A job tells how far it has come; in-process (tests) nobody listens. */
export function reportProgress(p: JobProgress): void {
  report(p);
}

/** Where reportProgress goes: the sheet worker posts it for the job at hand (worker.ts). */
export function onJobProgress(listener: (p: JobProgress) => void): void {
  report = listener;
}
