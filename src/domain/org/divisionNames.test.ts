import { describe, expect, it } from 'vitest';
import {
  parentDivisionCode,
  parseDivisionExtract,
  readDivisionExtract,
} from '../../server/modules/org/divisions';
import { divisionNames, divisionVariant, shortDivisionName } from './divisionNames';
import { pinyinInitials as divisionInitials } from './initials';

describe('shortDivisionName', () => {
  it('shortens a residents’ committee (居民委员会) to its community (社区)', () => {
    expect(shortDivisionName('省民航社区居民委员会')).toBe('省民航社区');
    expect(shortDivisionName('淮河社区居委会')).toBe('淮河社区');
    expect(shortDivisionName('亚星社区居民管理委员会')).toBe('亚星社区');
    expect(shortDivisionName('福华南街社区委员会')).toBe('福华南街社区');
    expect(shortDivisionName('益民街社区居委员会')).toBe('益民街社区'); // slips in the list
    expect(shortDivisionName('戴洼社区民居委员会')).toBe('戴洼社区');
    expect(shortDivisionName('兰营社区居民委会')).toBe('兰营社区');
    expect(shortDivisionName('岳寨社区居民委委会')).toBe('岳寨社区');
    expect(shortDivisionName('万泉社区居民委会会')).toBe('万泉社区');
  });

  it('names a bare residents’ committee as a community', () => {
    expect(shortDivisionName('西大街居民委员会')).toBe('西大街社区');
    expect(shortDivisionName('七星街居委会')).toBe('七星街社区');
    expect(shortDivisionName('金溪湖社区霍村居民委员会')).toBe('金溪湖社区霍村');
    expect(shortDivisionName('新民居民委员会')).toBe('新民社区');
  });

  it('shortens a villagers’ committee (村民委员会) to its village (村)', () => {
    expect(shortDivisionName('东赵村民委员会')).toBe('东赵村');
    expect(shortDivisionName('张村村民委员会')).toBe('张村');
    expect(shortDivisionName('李庄村委会')).toBe('李庄村');
    expect(shortDivisionName('王耆店村村委员会')).toBe('王耆店村');
    expect(shortDivisionName('西彭庄村民村委员会')).toBe('西彭庄村');
    expect(shortDivisionName('二郎村村民员委会')).toBe('二郎村');
    expect(shortDivisionName('西村村民委会')).toBe('西村');
    expect(shortDivisionName('新民村村民委员会')).toBe('新民村');
    expect(shortDivisionName('东崔庄村民委员会委会')).toBe('东崔庄村');
    expect(shortDivisionName('阿日嘎查村民委员会')).toBe('阿日嘎查');
  });

  it('keeps every other name as it is', () => {
    for (const name of [
      '河南省',
      '郑州市',
      '金水区',
      '花园路街道',
      '长兴路街道',
      '济源市',
      '省直辖县级行政区划',
    ]) {
      expect(shortDivisionName(name)).toBe(name);
    }
    expect(shortDivisionName('淮河社区')).toBe('淮河社区');
    expect(shortDivisionName('某某生活区')).toBe('某某生活区');
    expect(shortDivisionName('白龙二村街民委员会')).toBe('白龙二村街民委员会'); // not a committee we know
    expect(shortDivisionName('居民委员会')).toBe('居民委员会');
    expect(shortDivisionName(' 东赵村民委员会 ')).toBe('东赵村');
  });
});

describe('division initials and search text', () => {
  it('gives the initials that users type', () => {
    expect(divisionInitials('省民航社区')).toBe('smhsq');
    expect(divisionInitials('长兴路')).toBe('cxl');
    expect(divisionInitials('长兴路街道')).toBe('cxljd');
    expect(divisionInitials('花园路街道')).toBe('hyljd');
    expect(divisionInitials('重庆路社区')).toBe('cqlsq');
    expect(divisionInitials('A区1号院')).toBe('aq1hy');
  });

  it('reads the place names that the dictionary gets wrong', () => {
    expect(divisionInitials('浚县')).toBe('xx');
    expect(divisionInitials('泌阳县')).toBe('byx');
    expect(divisionInitials('召陵区')).toBe('slq');
    expect(divisionInitials('浚县浚州镇')).toBe('xxxzz');
  });

  it('searches by name, initials and official name', () => {
    expect(divisionNames('省民航社区居民委员会')).toEqual({
      name: '省民航社区',
      initials: 'smhsq',
      searchText: '省民航社区 smhsq 省民航社区居民委员会',
    });
  });
});

describe('division extract', () => {
  it('reads the extract of Henan (41), sorted by code', async () => {
    const units = await readDivisionExtract('41');
    expect(units).toHaveLength(55_164);
    expect(units[0]).toEqual({ code: '410000', officialName: '河南省' });
    expect(units.filter((u) => u.code.length === 12)).toHaveLength(52_378);
    expect(units.filter((u) => u.code.startsWith('4101') && u.code.length === 12)).toHaveLength(3_306);
    const byCode = new Map(units.map((u) => [u.code, u.officialName]));
    expect(byCode.get('410100')).toBe('郑州市');
    expect(byCode.get('410105002')).toBe('花园路街道');
    expect(byCode.get('410105002008')).toBe('省民航社区居民委员会');
    expect(byCode.get('419000')).toBe('省直辖县级行政区划');
    expect(units.every((u, i) => i === 0 || units[i - 1].code < u.code)).toBe(true);
    expect(await readDivisionExtract('410000')).toHaveLength(55_164);
  });

  it('says how to build an extract that is missing', async () => {
    await expect(readDivisionExtract('99')).rejects.toThrow(
      /No division extract for province 99.*build-extract\.ts --province 99/,
    );
    await expect(readDivisionExtract('4101')).rejects.toThrow(/not a province code/);
  });

  it('parses lines and skips comments', () => {
    expect(parseDivisionExtract('# comment\n410000\t河南省\n410105002008\t省民航社区居民委员会\n')).toEqual([
      { code: '410000', officialName: '河南省' },
      { code: '410105002008', officialName: '省民航社区居民委员会' },
    ]);
    expect(() => parseDivisionExtract('410000 河南省\n', 'x.tsv.gz')).toThrow(/x\.tsv\.gz, line 1/);
    expect(() => parseDivisionExtract('4100\t河南\n')).toThrow(/line 1/);
    expect(() => parseDivisionExtract('410000\t\n')).toThrow(/line 1/);
  });

  it('finds the parent of a unit from its code', () => {
    expect(parentDivisionCode('410105002008')).toBe('410105002');
    expect(parentDivisionCode('410105002')).toBe('410105');
    expect(parentDivisionCode('410105')).toBe('410100');
    expect(parentDivisionCode('419001')).toBe('419000');
    expect(parentDivisionCode('410100')).toBe('410000');
    expect(parentDivisionCode('410000')).toBeNull();
  });
});

describe('divisionVariant', () => {
  it('tells a community (社区) from a village (村), by the committee or the short name', () => {
    expect(divisionVariant('village', '省民航社区', '省民航社区居民委员会')).toBe('community');
    expect(divisionVariant('village', '七星街社区', '七星街居委会')).toBe('community');
    expect(divisionVariant('village', '金溪湖社区霍村', '金溪湖社区霍村居民委员会')).toBe('community');
    expect(divisionVariant('village', '东赵村', '东赵村民委员会')).toBe('village');
    expect(divisionVariant('village', '省民航社区')).toBe('community');
    expect(divisionVariant('village', '东赵村', null)).toBe('village');
    expect(divisionVariant('village', '某某生活区')).toBeUndefined();
  });

  it('tells a street (街道) from a town (乡镇), and says nothing of other kinds', () => {
    expect(divisionVariant('town', '花园路街道', '花园路街道办事处')).toBe('street');
    expect(divisionVariant('town', '古荥镇')).toBe('town');
    expect(divisionVariant('town', '石佛乡')).toBe('town');
    expect(divisionVariant('county', '金水区')).toBeUndefined();
    expect(divisionVariant('grid', '第一社区')).toBeUndefined();
  });
});
