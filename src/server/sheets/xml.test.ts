import { describe, expect, it } from 'vitest';
import { attribute, attributes, rootPrefix, stringText, textOfRuns, unescapeXml } from './xml';

describe('xml helpers', () => {
  it('decodes entities and character references', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;')).toBe(
      'a & b <c> "d" \'e\' 中文',
    );
    expect(unescapeXml('plain')).toBe('plain');
  });

  it('decodes the _xHHHH_ escapes of SpreadsheetML strings', () => {
    expect(stringText('第一行_x000D_\n第二行')).toBe('第一行\r\n第二行');
    expect(stringText('a_x005F_x000D_b')).toBe('a_x000D_b');
  });

  it('reads attributes, with either quote and a prefix', () => {
    expect(attributes(' r="A1" s=\'3\' t="s"')).toEqual({ r: 'A1', s: '3', t: 's' });
    expect(attribute(' name="台账" sheetId="1" r:id="rId1"', 'id')).toBe('rId1');
    expect(attribute(' name="a &amp; b"', 'name')).toBe('a & b');
    expect(attribute(' sheetId="1"', 'id')).toBeUndefined();
  });

  it('finds the namespace prefix of a part', () => {
    expect(rootPrefix('<?xml?><x:worksheet xmlns:x="…">', 'worksheet')).toBe('x:');
    expect(rootPrefix('<worksheet xmlns="…">', 'worksheet')).toBe('');
  });

  it('joins the runs of rich text and leaves out phonetic runs', () => {
    const rich =
      '<r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve"> 伟 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh><t/>';
    expect(textOfRuns(rich, '')).toBe('张 伟 ');
    expect(textOfRuns('<x:t>李&amp;娜</x:t>', 'x:')).toBe('李&娜');
    expect(textOfRuns('<tabColor/>', '')).toBe('');
  });
});
