// A note (批注) on one cell of a worksheet that has none yet: the comments part, the VML drawing that
// shows it (Excel still draws notes with VML), the sheet's relationships to both, and their content
// types. The sheet itself then needs <legacyDrawing r:id="…"/> (sheetPatch.ts).

import { escapeXml, xmlChars } from './sheetPatch';
import { relsPath } from './xlsxParts';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const REL_VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

export interface NoteInput {
  /** every part name in the package (new ones must not collide) */
  names: readonly string[];
  /** the worksheet's part, 'xl/worksheets/sheet1.xml' */
  sheetPath: string;
  /** the worksheet's relationships part, when it has one */
  sheetRels: string | undefined;
  /** [Content_Types].xml */
  contentTypes: string;
  /** the VML parts the package has (their shape id blocks must not be reused) */
  otherVml: readonly string[];
  /** the cell, 0-based */
  row: number;
  col: number;
  ref: string;
  text: string;
  author: string;
}

export interface NoteOutput {
  /** parts to add or replace: the comments, the drawing, the sheet's rels, the content types */
  parts: { name: string; data: string }[];
  /** the relationship id of the drawing, for <legacyDrawing r:id> */
  drawingRelId: string;
}

function freeName(names: ReadonlySet<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!names.has(make(n).toLowerCase())) return make(n);
}

/** The path from one part's folder to another part: 'xl/worksheets/sheet1.xml' → '../comments1.xml'. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function vml(idBlock: number, row: number, col: number): string {
  const shape = idBlock * 1024 + 1;
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>
 <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype>
 <v:shape id="_x0000_s${shape}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:320pt;height:110pt;z-index:1;visibility:visible" fillcolor="#ffffe1" o:insetmode="auto">
  <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>
  <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
  <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>
   <x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 6}, 15, ${row + 7}, 4</x:Anchor>
   <x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column><x:Visible/>
  </x:ClientData>
 </v:shape>
</xml>`;
}

function comments(ref: string, author: string, text: string): string {
  const t = escapeXml(xmlChars(text));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<authors><author>${escapeXml(author)}</author></authors>` +
    `<commentList><comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${t}</t></r></text></comment></commentList>` +
    '</comments>'
  );
}

/** The parts that give a worksheet without notes one note. */
export function addNote(input: NoteInput): NoteOutput {
  const names = new Set(input.names.map((n) => n.toLowerCase()));
  const commentsPath = freeName(names, (n) => `xl/comments${n}.xml`);
  const vmlPath = freeName(names, (n) => `xl/drawings/vmlDrawing${n}.vml`);

  let idBlock = 0;
  for (const other of input.otherVml)
    for (const m of other.matchAll(/<o:idmap\b[^>]*\bdata="([\d,\s]+)"/g))
      for (const n of m[1].split(/[,\s]+/)) idBlock = Math.max(idBlock, Number(n) || 0);
  idBlock += 1;

  const rels =
    input.sheetRels ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  const freeId = () => {
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    ids.add(`rId${n}`);
    return `rId${n}`;
  };
  const commentsId = freeId();
  const drawingRelId = freeId();
  const added =
    `<Relationship Id="${commentsId}" Type="${REL_COMMENTS}" Target="${relativeTarget(input.sheetPath, commentsPath)}"/>` +
    `<Relationship Id="${drawingRelId}" Type="${REL_VML}" Target="${relativeTarget(input.sheetPath, vmlPath)}"/>`;
  const newRels = /<Relationships\b[^>]*\/>/.test(rels)
    ? rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${added}</Relationships>`)
    : rels.replace('</Relationships>', `${added}</Relationships>`);

  let types = input.contentTypes;
  if (!/<Default\b[^>]*\bExtension="vml"/i.test(types))
    types = types.replace('</Types>', `<Default Extension="vml" ContentType="${CT_VML}"/></Types>`);
  types = types.replace(
    '</Types>',
    `<Override PartName="/${commentsPath}" ContentType="${CT_COMMENTS}"/></Types>`,
  );

  return {
    parts: [
      { name: commentsPath, data: comments(input.ref, input.author, input.text) },
      { name: vmlPath, data: vml(idBlock, input.row, input.col) },
      { name: relsPath(input.sheetPath), data: newRels },
      { name: '[Content_Types].xml', data: types },
    ],
    drawingRelId,
  };
}
