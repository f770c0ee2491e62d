// The little XML that reading an .xlsx needs: attributes of a tag, entities, the _xHHHH_ escapes of
// SpreadsheetML, and the text of <t> elements. The parts of an .xlsx are machine-written XML of a known
// shape (no DTD, no CDATA in practice, one namespace prefix per part), so regular expressions over them
// are exact enough and an order of magnitude faster than a general parser.

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five named entities, decoded. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    ENTITY,
    (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name];
      const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a SpreadsheetML string: entities decoded, then the _xHHHH_ escapes Excel writes for control
 * characters (_x000D_ for a carriage return); '_x005F_' escapes a literal underscore.
 */
export function stringText(raw: string): string {
  const s = unescapeXml(raw);
  if (!s.includes('_x')) return s;
  return s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag, by qualified name, values decoded: ' r="A1" s="3"' → { r: 'A1', s: '3' }. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** One attribute of a tag, by local name (a prefix before it is ignored), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The namespace prefix of a part's root element ('x:' for <x:worksheet>), '' when there is none. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

interface RunPatterns {
  phonetic: RegExp;
  text: RegExp;
}
const runPatterns = new Map<string, RunPatterns>();

function patternsFor(prefix: string): RunPatterns {
  let p = runPatterns.get(prefix);
  if (!p) {
    p = {
      phonetic: new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, 'g'),
      text: new RegExp(`<${prefix}t(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}t>)`, 'g'),
    };
    runPatterns.set(prefix, p);
  }
  return p;
}

/**
 * The text of a rich or plain string element (<si>, <is>): its <t> elements joined, leaving out the
 * phonetic runs (<rPh>) that Japanese and some Chinese input methods add.
 */
export function textOfRuns(inner: string, prefix: string): string {
  const p = patternsFor(prefix);
  const s = inner.includes('rPh') ? inner.replace(p.phonetic, '') : inner;
  let out = '';
  for (const m of s.matchAll(p.text)) out += m[1] ?? '';
  return stringText(out);
}
