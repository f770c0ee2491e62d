import { describe, expect, it } from 'vitest';
import { addNote, relativeTarget } from './noteParts';

const TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

const input = {
  names: ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/comments1.xml'],
  sheetPath: 'xl/worksheets/sheet1.xml',
  sheetRels: undefined,
  contentTypes: TYPES,
  otherVml: [],
  row: 3,
  col: 12,
  ref: 'M4',
  text: '前 20 行中没有找到表头行 <姓名> & 身份证号',
  author: 'Wangge',
};

describe('addNote', () => {
  it('makes the comments and drawing parts, the sheet relationships and the content types', () => {
    const { parts, drawingRelId } = addNote(input);
    const byName = new Map(parts.map((p) => [p.name, p.data]));
    expect([...byName.keys()]).toEqual([
      'xl/comments2.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      '[Content_Types].xml',
    ]);
    expect(byName.get('xl/comments2.xml')).toContain('ref="M4"');
    expect(byName.get('xl/comments2.xml')).toContain('&lt;姓名&gt; &amp; 身份证号');
    expect(byName.get('xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>3</x:Row><x:Column>12</x:Column>');
    const rels = byName.get('xl/worksheets/_rels/sheet1.xml.rels') ?? '';
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain(`Id="${drawingRelId}"`);
    expect(rels).toContain('Target="../drawings/vmlDrawing1.vml"');
    const types = byName.get('[Content_Types].xml') ?? '';
    expect(types).toContain('<Default Extension="vml"');
    expect(types).toContain('PartName="/xl/comments2.xml"');
  });

  it('adds to the relationships the sheet has, with ids of its own, and a drawing block after the others', () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="y" Target="z"/></Relationships>';
    const { parts, drawingRelId } = addNote({
      ...input,
      sheetRels: rels,
      contentTypes: TYPES.replace('</Types>', '<Default Extension="vml" ContentType="v"/></Types>'),
      otherVml: ['<xml><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1,2"/></o:shapelayout></xml>'],
    });
    const byName = new Map(parts.map((p) => [p.name, p.data]));
    expect(drawingRelId).toBe('rId4');
    expect(byName.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Id="rId3"');
    expect(byName.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(byName.get('[Content_Types].xml')?.match(/Extension="vml"/g)).toHaveLength(1);
    expect(byName.get('xl/drawings/vmlDrawing1.vml')).toContain('data="3"');
    expect(byName.get('xl/drawings/vmlDrawing1.vml')).toContain('_x0000_s3073');
  });

  it('gives relationship targets relative to the source part', () => {
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe(
      '../drawings/vmlDrawing1.vml',
    );
    expect(relativeTarget('xl/workbook.xml', 'xl/styles.xml')).toBe('styles.xml');
  });
});
