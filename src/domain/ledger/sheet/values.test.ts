import { describe, expect, it } from 'vitest';
import {
  ID_TYPE_LABELS,
  ID_TYPES,
  isEmptyWord,
  isYes,
  parseEmptyFlag,
  parseFlag,
  parseIdType,
  parseMarkerFlag,
  parsePartyMember,
  parseRelation,
  parseSex,
  RELATION_LABELS,
  RELATIONS,
} from './values';

describe('parseSex', () => {
  it('reads the ways sheets write sex', () => {
    for (const s of ['男', '男性', 'M', 'm', 'Male', 'MALE', '１', ' 男 ', 1 as unknown as string])
      expect(parseSex(String(s)), s).toBe('male');
    for (const s of ['女', '女性', 'F', 'f', 'female', 'Female', '2']) expect(parseSex(s), s).toBe('female');
    for (const s of ['', '未知', 'x', '3', '男女']) expect(parseSex(s), s).toBeUndefined();
  });
});

describe('parseRelation', () => {
  it('reads the relations to the head', () => {
    const cases: [string, string][] = [
      ['户主', 'head'],
      ['本人', 'head'],
      ['配偶', 'spouse'],
      ['妻子', 'spouse'],
      ['丈夫', 'spouse'],
      ['子', 'son'],
      ['儿子', 'son'],
      ['长子', 'son'],
      ['次子', 'son'],
      ['独生子', 'son'],
      ['女', 'daughter'],
      ['女儿', 'daughter'],
      ['长女', 'daughter'],
      ['父亲', 'father'],
      ['母亲', 'mother'],
      ['孙子', 'grandson'],
      ['外孙', 'grandson'],
      ['孙女', 'granddaughter'],
      ['外孙女', 'granddaughter'],
      ['儿媳', 'daughter_in_law'],
      ['女婿', 'son_in_law'],
      ['岳母', 'mother_in_law'],
      ['公公', 'father_in_law'],
      ['奶奶', 'grandmother'],
      ['外公', 'grandfather'],
      ['弟弟', 'brother'],
      ['姐姐', 'sister'],
      ['租户', 'tenant'],
      ['其他', 'other'],
      ['其它', 'other'],
      [' 户 主 ', 'head'],
      ['Spouse', 'spouse'],
    ];
    for (const [text, relation] of cases) expect(parseRelation(text), text).toEqual({ relation });
  });

  it('keeps a word it does not know, as other', () => {
    expect(parseRelation('外甥')).toEqual({ relation: 'other', text: '外甥' });
    expect(parseRelation('保姆 ')).toEqual({ relation: 'other', text: '保姆' });
    expect(parseRelation('')).toBeUndefined();
    expect(parseRelation('  ')).toBeUndefined();
  });

  it('labels every relation, and its Chinese label reads back as itself', () => {
    for (const r of RELATIONS) {
      expect(RELATION_LABELS[r].en).not.toBe('');
      for (const label of RELATION_LABELS[r]['zh-CN'].split('/'))
        expect(parseRelation(label), label).toEqual({ relation: r });
    }
  });
});

describe('parseIdType', () => {
  it('reads the document types', () => {
    const cases: [string, string | undefined][] = [
      ['身份证', 'resident_id'],
      ['居民身份证', 'resident_id'],
      ['二代身份证', 'resident_id'],
      ['港澳台居民居住证', 'residence_permit'],
      ['外国人永久居留身份证', 'foreign_permanent'],
      ['永久居留证', 'foreign_permanent'],
      ['护照', 'passport'],
      ['Passport', 'passport'],
      ['港澳居民来往内地通行证', 'hk_macao_pass'],
      ['回乡证', 'hk_macao_pass'],
      ['台湾居民来往大陆通行证', 'taiwan_pass'],
      ['台胞证', 'taiwan_pass'],
      ['其他', 'other'],
      ['resident_id', 'resident_id'],
      ['驾驶证', undefined],
      ['', undefined],
    ];
    for (const [text, type] of cases) expect(parseIdType(text), text).toBe(type);
    for (const t of ID_TYPES) expect(parseIdType(ID_TYPE_LABELS[t]['zh-CN']), t).toBe(t);
  });
});

describe('yes/no columns', () => {
  it('reads a marker column: anything but a blank or a no means yes', () => {
    for (const s of ['是', '√', '✓', 'Y', 'yes', '1', '★', '有', '肢体二级', 'TRUE'])
      expect(parseFlag(s), s).toBe(true);
    for (const s of ['', ' ', '否', '无', 'N', 'no', '0', '×', '-', '/', '非低保', '不是', 'FALSE'])
      expect(parseFlag(s), s).toBe(false);
    expect(isYes('√')).toBe(true);
    expect(isYes('肢体二级')).toBe(false);
  });

  it('reads the party-member column, also when it is the political status 政治面貌', () => {
    for (const s of ['是', '√', '党员', '中共党员', '中共预备党员', '预备党员'])
      expect(parsePartyMember(s), s).toBe(true);
    for (const s of ['群众', '共青团员', '无党派人士', '民盟盟员', '民革党员', '非党员', '否', ''])
      expect(parsePartyMember(s), s).toBe(false);
    expect(parseMarkerFlag('party_member', '群众')).toBe(false);
    expect(parseMarkerFlag('low_income', '群众')).toBe(true);
  });

  it('reads the empty-household words and column', () => {
    for (const s of ['空户', '空房', '空置', '无人居住', '（空户）', 'Vacant'])
      expect(isEmptyWord(s), s).toBe(true);
    for (const s of ['张三', '', '空调']) expect(isEmptyWord(s), s).toBe(false);
    for (const s of ['是', '√', '空户', '空置']) expect(parseEmptyFlag(s), s).toBe(true);
    for (const s of ['否', '居住', '自住', '出租', '']) expect(parseEmptyFlag(s), s).toBe(false);
  });
});
