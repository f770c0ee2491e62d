// Text clean-up shared by the validators: what people type or paste into a ledger cell.

/**
 * Full-width (全角) ASCII forms U+FF01..U+FF5E → half-width (半角) U+0021..U+007E, and the ideographic
 * space U+3000 (全角空格) → an ordinary space. Everything else, Chinese characters included, is untouched.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Any white space, including no-break and ideographic spaces, and the invisible zero-width characters. */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** Removes all white space and zero-width characters (copied from web pages, Word or WeChat). */
export function removeSpaces(s: string): string {
  return s.replace(SPACES, '');
}

/**
 * What makes a string unfit to be stored or shown, or undefined when it is fit: a C0 control character
 * (U+0000–U+001F) other than tab, line feed and carriage return, which notes may hold; or half of a
 * surrogate pair without its other half (which no keyboard makes, and which PostgreSQL refuses in JSON).
 */
export function textProblem(s: string): 'control' | 'surrogate' | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return 'control';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'surrogate';
    }
  }
  return undefined;
}
