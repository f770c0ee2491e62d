import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { personInitials, personPinyin, personSearchWords, pinyinInitials, unitSearchText } from './initials';

describe('pinyin initials', () => {
  it('gives the initials that users type to find a unit', () => {
    expect(pinyinInitials('省民航社区')).toBe('smhsq');
    expect(pinyinInitials('长兴路街道')).toBe('cxljd'); // 长 cháng in a place name reads as c
    expect(pinyinInitials('3号楼')).toBe('3hl');
    expect(pinyinInitials('浚县')).toBe('xx'); // Xùn xiàn, not jùn
    expect(pinyinInitials('泌阳县')).toBe('byx');
    expect(pinyinInitials('召陵区')).toBe('slq');
  });
  it('searches by name, initials and official name', () => {
    expect(unitSearchText('省民航社区', '省民航社区居民委员会')).toBe(
      '省民航社区 smhsq 省民航社区居民委员会',
    );
  });
});

describe('personInitials', () => {
  it('reads a surname as a surname', () => {
    expect(personInitials('张伟')).toBe('zw');
    expect(personInitials('单雄信')).toBe('sxx');
    expect(personInitials('曾小贤')).toBe('zxx');
  });
});

describe('personPinyin', () => {
  it('spells a name in full pinyin as typed on a latin keyboard', () => {
    expect(personPinyin('周明德')).toBe('zhoumingde');
    expect(personPinyin('单雄信')).toBe('shanxiongxin');
    expect(personPinyin('曾小贤')).toBe('zengxiaoxian');
    expect(personPinyin('吕小明')).toBe('lvxiaoming');
    expect(personPinyin('欧阳娜娜')).toBe('ouyangnana');
    expect(personPinyin('Tom李')).toBe('tomli');
  });
  it('keeps the initials as they were (ü does not change an initial)', () => {
    expect(personInitials('吕小明')).toBe('lxm');
    expect(personInitials('周明德')).toBe('zmd');
  });
});

describe('personSearchWords', () => {
  // what the two readings (patterns 'first' and 'pinyin') give, as personInitials and personPinyin did
  const reading = (name: string, pattern: 'first' | 'pinyin') =>
    pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head', v: true })
      .join('')
      .replace(/\s+/g, '')
      .toLowerCase();

  it('reads a name once and gives the initials and the pinyin the two readings give', () => {
    const surnames = [...'王李张刘陈单曾仇区朴解查吕欧长尉'];
    const given = [...'伟秀英明德行长乐重朝阳娜绿律'];
    const names = [
      ...surnames.flatMap((s) => given.flatMap((g) => [`${s}${g}`, ...given.map((h) => `${s}${g}${h}`)])),
      '欧阳娜娜',
      '长孙无忌',
      '尉迟恭',
      '𠀾明',
      '〇',
      'Tom李',
      '王·小明',
      '阿卜杜·热合曼',
      'ZHANG Wei',
      '张 伟',
      '李2',
    ];
    for (const name of names) {
      expect(personSearchWords(name), name).toEqual({
        initials: reading(name, 'first'),
        pinyin: reading(name, 'pinyin'),
      });
    }
    expect(personSearchWords('单雄信')).toEqual({ initials: 'sxx', pinyin: 'shanxiongxin' });
    expect(personSearchWords('Tom李')).toEqual({ initials: 'toml', pinyin: 'tomli' });
  });
});
