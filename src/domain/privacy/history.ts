import { remaskIdNumber } from '../validators/idNumber';
import { shownBirthText } from './birth';

// A household history row's detail as a viewer sees it (issue 11, finding 1). An edit's changes keep
// before and after: an ID number as it was masked when written (an older rule showed the first four
// characters too) and a birth date in full. Read back, the ID number is masked by today's rule, and
// a birth date is shortened to its year for a viewer without pii.reveal. Pure, no I/O.

interface Change {
  field?: unknown;
  before?: unknown;
  after?: unknown;
}

/** `detail` with its changes shown to a viewer with (`full`) or without pii.reveal. */
export function shownHistoryDetail(detail: unknown, full: boolean): unknown {
  if (!detail || typeof detail !== 'object' || !Array.isArray((detail as { changes?: unknown }).changes))
    return detail;
  const d = detail as { changes: Change[] };
  return {
    ...d,
    changes: d.changes.map((c) => {
      if (c?.field === 'idNumber') return { ...c, before: remask(c.before), after: remask(c.after) };
      if (c?.field === 'birthDate')
        return { ...c, before: shownBirthText(c.before, full), after: shownBirthText(c.after, full) };
      return c;
    }),
  };
}

function remask(v: unknown): unknown {
  return typeof v === 'string' ? remaskIdNumber(v) : v;
}
