// New cell styles added to a workbook's styles part (xl/styles.xml) without touching the ones there:
// the error column's header and message cells, and "this cell, filled light red" for the cells an error
// names. Fonts, fills and cell formats (xf) are appended to their lists, the counts updated; the index of
// a new xf is what a cell's s attribute takes.

import { rootPrefix } from './xml';

/** Excel's "light red fill with dark red text" */
export const LIGHT_RED = 'FFFFC7CE';
export const DARK_RED = 'FF9C0006';

/** The styles part of a workbook that has none: one font, the two fills Excel requires, one border. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const attributePatterns = new Map<string, RegExp>();

/** Sets (or adds) an attribute on the opening tag at the start of `element`. */
export function setAttribute(element: string, name: string, value: string): string {
  const end = element.indexOf('>');
  const open = element.slice(0, end);
  const rest = element.slice(end);
  let re = attributePatterns.get(name);
  if (!re) {
    re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    attributePatterns.set(name, re);
  }
  if (re.test(open)) return open.replace(re, `$1"${value}"`) + rest;
  const selfClosing = open.endsWith('/');
  return `${selfClosing ? open.slice(0, -1).trimEnd() : open} ${name}="${value}"${selfClosing ? '/' : ''}${rest}`;
}

interface Section {
  /** where the section's closing tag starts, in the original XML */
  closeAt: number;
  openTag: { start: number; end: number; text: string };
  elements: string[];
  added: string[];
}

export class StylesPatch {
  private readonly xml: string;
  private readonly p: string;
  private readonly sections: Record<'fonts' | 'fills' | 'cellXfs', Section>;
  private readonly memo = new Map<string, number>();

  constructor(xml: string | undefined) {
    this.xml = xml && /<(?:[\w.-]+:)?cellXfs\b/.test(xml) ? xml : MINIMAL_STYLES;
    this.p = rootPrefix(this.xml, 'styleSheet');
    this.sections = {
      fonts: this.section('fonts', 'font'),
      fills: this.section('fills', 'fill'),
      cellXfs: this.section('cellXfs', 'xf'),
    };
  }

  private section(name: string, element: string): Section {
    const p = this.p;
    const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(this.xml);
    if (!open) throw new Error(`styles: no ${name}`);
    const openTag = { start: open.index, end: open.index + open[0].length, text: open[0] };
    if (open[1] === '/') return { closeAt: -1, openTag, elements: [], added: [] };
    const closeTag = `</${p}${name}>`;
    const closeAt = this.xml.indexOf(closeTag, openTag.end);
    if (closeAt === -1) throw new Error(`styles: ${name} not closed`);
    const inner = this.xml.slice(openTag.end, closeAt);
    const re = new RegExp(`<${p}${element}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${element}>)`, 'g');
    return { closeAt, openTag, elements: inner.match(re) ?? [], added: [] };
  }

  private add(section: Section, element: string): number {
    section.added.push(element);
    return section.elements.length + section.added.length - 1;
  }

  private once(key: string, make: () => number): number {
    let id = this.memo.get(key);
    if (id === undefined) {
      id = make();
      this.memo.set(key, id);
    }
    return id;
  }

  /** A copy of the workbook's default font, dark red, bold or not. */
  private redFont(bold: boolean): number {
    return this.once(`font:${bold}`, () => {
      const p = this.p;
      const base = this.sections.fonts.elements[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
      const inner = (/^<[^>]*?(?<!\/)>([\s\S]*)<\/[^>]+>$/.exec(base)?.[1] ?? '').replace(
        new RegExp(`<${p}(?:b|color)\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}(?:b|color)>)`, 'g'),
        '',
      );
      const own = `${bold ? `<${p}b/>` : ''}<${p}color rgb="${DARK_RED}"/>`;
      return this.add(this.sections.fonts, `<${p}font>${own}${inner}</${p}font>`);
    });
  }

  private redFill(): number {
    return this.once('fill', () => {
      const p = this.p;
      return this.add(
        this.sections.fills,
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${LIGHT_RED}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
    });
  }

  private xf(index: number): string {
    const p = this.p;
    return (
      this.sections.cellXfs.elements[index] ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
    );
  }

  /** The style `base` (a cell's s, 0 when it has none) with the light red fill. */
  marked(base: number): number {
    return this.once(`marked:${base}`, () => {
      const fill = this.redFill();
      let xf = setAttribute(this.xf(base), 'fillId', String(fill));
      xf = setAttribute(xf, 'applyFill', '1');
      return this.add(this.sections.cellXfs, xf);
    });
  }

  /** The error column's header: the style of the header cell `like` (borders, alignment), bold dark red on light red. */
  header(like: number): number {
    return this.once(`header:${like}`, () => {
      const font = this.redFont(true);
      const fill = this.redFill();
      let xf = this.xf(like);
      for (const [k, v] of [
        ['fontId', String(font)],
        ['fillId', String(fill)],
        ['applyFont', '1'],
        ['applyFill', '1'],
      ])
        xf = setAttribute(xf, k, v);
      return this.add(this.sections.cellXfs, xf);
    });
  }

  /** A message cell: text, dark red on light red, wrapped, at the top. */
  message(): number {
    return this.once('message', () => {
      const p = this.p;
      const font = this.redFont(false);
      const fill = this.redFill();
      return this.add(
        this.sections.cellXfs,
        `<${p}xf numFmtId="49" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>`,
      );
    });
  }

  /** Whether any style was added. */
  get changed(): boolean {
    return this.memo.size > 0;
  }

  /** The styles part with the added styles. */
  toXml(): string {
    const edits: { at: number; end: number; text: string }[] = [];
    for (const [name, s] of Object.entries(this.sections)) {
      if (s.added.length === 0) continue;
      const count = String(s.elements.length + s.added.length);
      const open = setAttribute(s.openTag.text.replace(/\/>$/, '>'), 'count', count);
      if (s.closeAt === -1) {
        edits.push({
          at: s.openTag.start,
          end: s.openTag.end,
          text: `${open}${s.added.join('')}</${this.p}${name}>`,
        });
      } else {
        edits.push({ at: s.openTag.start, end: s.openTag.end, text: open });
        edits.push({ at: s.closeAt, end: s.closeAt, text: s.added.join('') });
      }
    }
    edits.sort((a, b) => b.at - a.at);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }
}
