// Rooms typed as an office types them: "101-120", "201,202,203", "A101-120", one per line. A range is
// a name ending in digits, a dash and the last number (its prefix may be left out): both ends of the
// same width ("101-120", "0801-0820"), or short numbers ("1-10"); anything else ("3-101", building 3
// room 101) is one name.

/** The most rooms one request adds (the server's limit). */
export const MAX_ROOMS = 500;

const RANGE = /^(.*?)(\d+)\s*[-–—~～－]\s*(.*?)(\d+)$/;

function expandToken(token: string): string[] {
  const m = RANGE.exec(token);
  if (!m) return [token];
  const [, prefix, a, rightPrefix, b] = m;
  if (rightPrefix && rightPrefix !== prefix) return [token];
  const sameWidth = a.length === b.length;
  if (!sameWidth && !(a.length <= 2 && b.length <= 2)) return [token];
  const from = Number(a);
  const to = Number(b);
  if (to < from || to - from >= MAX_ROOMS * 2) return [token];
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${sameWidth ? String(n).padStart(a.length, '0') : n}`);
  return out;
}

/** The room names of the text, in order, each once. */
export function expandRoomNames(text: string): string[] {
  const tokens = text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(tokens.flatMap(expandToken))];
}
