import { describe, expect, it } from 'vitest';
import { asciiFileName, exportFileName } from '../exports/fileNames';
import { ledgerExportNames } from './exportNames';

const SMH = { name: '省民航社区', code: '410105002008' };

describe('export names', () => {
  it('names a filtered ledger by unit, filter and day, and writes the filter in the title', () => {
    const n = ledgerExportNames(SMH, { colours: ['red', 'orange'] }, '2020-02-05', 'zh-CN');
    expect(n.fileName).toBe('省民航社区入户台账-红橙-2020-02-05.xlsx');
    expect(n.title).toBe('省民航社区入户台账（颜色：红、橙）2020-02-05 导出');
    expect(n.asciiName).toBe('ledger-410105002008-red+orange-2020-02-05.xlsx');
    const en = ledgerExportNames(SMH, { colours: ['red', 'orange'] }, '2020-02-05', 'en');
    expect(en.fileName).toBe('省民航社区-ledger-red+orange-2020-02-05.xlsx');
    expect(en.title).toBe('省民航社区 household ledger (colour: red, orange), exported 2020-02-05');
  });

  it('says so when nothing is filtered, and names markers, searches and screening', () => {
    expect(ledgerExportNames(SMH, {}, '2020-02-05', 'zh-CN')).toMatchObject({
      fileName: '省民航社区入户台账-2020-02-05.xlsx',
      title: '省民航社区入户台账（全部住户）2020-02-05 导出',
      filterText: '',
    });
    const n = ledgerExportNames(
      SMH,
      { markers: ['party_member', 'low_income'], q: '张', campaign: { status: 'revisit' } },
      '2020-02-05',
      'zh-CN',
    );
    expect(n.fileName).toBe('省民航社区入户台账-党员+低保-搜索张-需复访-2020-02-05.xlsx');
    expect(n.filterText).toBe('标注：党员、低保；搜索：张；排查：需复访');
  });

  it('never writes the digits of a search into a name or title', () => {
    const n = ledgerExportNames(SMH, { q: '13812345678' }, '2020-02-05', 'zh-CN');
    expect(`${n.fileName}${n.title}${n.asciiName}`).not.toMatch(/1381|5678/);
    expect(n.title).toContain('按号码搜索');
  });

  it('makes names safe for a file system, and an ASCII twin', () => {
    expect(exportFileName(['a/b', ' c:d ', '', null, 'e?'])).toBe('a_b-c_d-e_.xlsx');
    expect(asciiFileName(['排班表', 'roster', '2020-02-05'])).toBe('roster-2020-02-05.xlsx');
    expect(asciiFileName(['排班表'])).toBe('export.xlsx');
  });
});
