import { describe, expect, it } from 'vitest';
import {
  type CellEdit,
  columnName,
  inlineStringCell,
  patchSheet,
  type SheetEdits,
  sheetFacts,
  xmlChars,
} from './sheetPatch';

const SHEET = (p = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="main"><${p}dimension ref="A1:C4"/>` +
  `<${p}cols><${p}col min="1" max="5" width="12" customWidth="1"/></${p}cols><${p}sheetData>` +
  `<${p}row r="1" spans="1:3"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="C1" s="2"><${p}v>3</${p}v></${p}c></${p}row>` +
  `<${p}row r="3"><${p}c s="1"><${p}v>1</${p}v></${p}c><${p}c><${p}v>2</${p}v></${p}c><${p}c r="E3" s="4"/></${p}row>` +
  `<${p}row r="4"><${p}c r="B4"><${p}f>1+1</${p}f><${p}v>2</${p}v></${p}c></${p}row>` +
  `</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A3:A4"/></${p}mergeCells>` +
  `<${p}pageMargins left="0.7"/><${p}tableParts count="0"/></${p}worksheet>`;

const set = (text: string) => ({ set: (ref: string) => inlineStringCell('', ref, 9, text) });
/** the edits by row, as [row, [[column, edit], …]] */
const edits = (cells: [number, [number, CellEdit][]][]): SheetEdits['cells'] =>
  new Map(cells.map(([r, list]) => [r, new Map(list)]));

describe('patchSheet', () => {
  it('sets, restyles and removes cells in the rows that need it, and keeps the others as they were', () => {
    const xml = SHEET();
    const out = patchSheet(xml, {
      cells: edits([
        [1, [[3, set('错误原因')]]],
        [
          3,
          [
            [1, { restyle: (s) => s + 10 }],
            [0, { restyle: (s) => s + 10 }],
            [5, set('a & <b>')],
          ],
        ],
        [4, [[1, { remove: true }]]],
      ]),
    });
    expect(out).toContain(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="9" t="inlineStr"><is><t xml:space="preserve">错误原因</t></is></c></row>',
    );
    // the cells without r get theirs; B3 restyled (it had none: 0 + 10); E3 kept
    expect(out).toContain(
      '<row r="3"><c s="11" r="A3"><v>1</v></c><c r="B3" s="10"><v>2</v></c><c r="E3" s="4"/><c r="F3" s="9" t="inlineStr"><is><t xml:space="preserve">a &amp; &lt;b&gt;</t></is></c></row>',
    );
    expect(out).toContain('<row r="4"></row>');
    expect(out.slice(out.indexOf('</sheetData>'))).toBe(xml.slice(xml.indexOf('</sheetData>')));
  });

  it('adds the rows that are missing, in order', () => {
    const out = patchSheet(SHEET(), {
      cells: edits([
        [2, [[0, set('x')]]],
        [9, [[1, set('y')]]],
      ]),
    });
    const rows = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3, 4, 9]);
    const empty = patchSheet('<worksheet><sheetData/></worksheet>', { cells: edits([[1, [[0, set('x')]]]]) });
    expect(empty).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1" s="9" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row></sheetData></worksheet>',
    );
  });

  it('clears a column below a row', () => {
    const out = patchSheet(SHEET(), { cells: edits([[4, [[1, set('new')]]]]), clear: { col: 4, below: 1 } });
    expect(out).toContain('<row r="3"><c s="1" r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>');
    expect(out).toContain('<c r="B4" s="9" t="inlineStr">');
  });

  it('gives the column its width, splitting a range that covers it, and widens the dimension', () => {
    const out = patchSheet(SHEET(), { cells: new Map(), width: { col: 2, width: 60 } });
    expect(out).toContain(
      '<cols><col min="1" max="2" width="12" customWidth="1"/><col min="3" max="3" width="60" customWidth="1"/><col min="4" max="5" width="12" customWidth="1"/></cols>',
    );
    const wider = patchSheet(SHEET(), { cells: new Map(), width: { col: 6, width: 60 } });
    expect(wider).toContain('<dimension ref="A1:G4"/>');
    const none = patchSheet('<worksheet><sheetData/></worksheet>', {
      cells: new Map(),
      width: { col: 0, width: 9 },
    });
    expect(none).toBe(
      '<worksheet><cols><col min="1" max="1" width="9" customWidth="1"/></cols><sheetData></sheetData></worksheet>',
    );
  });

  it('puts the legacy drawing where the schema wants it', () => {
    const out = patchSheet(SHEET(), { cells: new Map(), legacyDrawing: 'rId7' });
    expect(out).toMatch(
      /<pageMargins left="0.7"\/><legacyDrawing xmlns:r="[^"]+" r:id="rId7"\/><tableParts count="0"\/>/,
    );
  });

  it('works with a namespace prefix', () => {
    const out = patchSheet(SHEET('x:'), {
      cells: edits([[1, [[3, { set: (ref) => inlineStringCell('x:', ref, 9, '错误原因') }]]]]),
      width: { col: 3, width: 60 },
      legacyDrawing: 'rId1',
    });
    expect(out).toContain(
      '<x:c r="D1" s="9" t="inlineStr"><x:is><x:t xml:space="preserve">错误原因</x:t></x:is></x:c></x:row>',
    );
    expect(out).toContain('<x:col min="4" max="4" width="60" customWidth="1"/>');
    expect(out).toContain('<x:legacyDrawing');
  });
});

describe('sheetFacts', () => {
  it('finds the last used column, the merges and a row', () => {
    const facts = sheetFacts(SHEET());
    expect(facts.lastColumn).toBe(2); // C1; E3 is empty
    expect(facts.merges).toEqual(['A3:A4']);
    expect(facts.rowXml(4)).toBe('<c r="B4"><f>1+1</f><v>2</v></c>');
    expect(facts.rowXml(2)).toBeUndefined();
    expect(facts.hasLegacyDrawing).toBe(false);
    expect(
      sheetFacts(SHEET().replace('<pageMargins', '<legacyDrawing r:id="rId1"/><pageMargins'))
        .hasLegacyDrawing,
    ).toBe(true);
  });
});

describe('sheetFacts without cell references', () => {
  it('counts the cells in order', () => {
    const xml =
      '<worksheet><sheetData><row><c t="s"><v>0</v></c><c><v>1</v></c><c><v>2</v></c></row>' +
      '<row><c><v>1</v></c></row></sheetData></worksheet>';
    expect(sheetFacts(xml).lastColumn).toBe(2);
    expect(sheetFacts(SHEET()).lastColumn).toBe(2); // row 3 of SHEET has cells without r: A3, B3
  });
});

describe('helpers', () => {
  it('names columns and cleans text for XML', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(xmlChars('a\u0001b\tc\nd\u001f')).toBe('a b\tc\nd ');
    expect(xmlChars('clean')).toBe('clean');
  });
});
