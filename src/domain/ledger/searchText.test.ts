import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { parseDoor, parseSearchText } from './searchText';

describe('parseSearchText', () => {
  const id = generateIdNumber({ regionCode: '410105', birthDate: '1958-03-09', sequence: 123 });

  it('reads a whole ID number pasted from a list, with spaces, full-width digits or a small x', () => {
    expect(parseSearchText(id)).toEqual({ kind: 'idNumber', idNumber: id });
    expect(parseSearchText(` ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} `)).toEqual({
      kind: 'idNumber',
      idNumber: id,
    });
    const wide = id.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    expect(parseSearchText(wide)).toEqual({ kind: 'idNumber', idNumber: id });
    expect(parseSearchText('41010519580309123x')).toEqual({
      kind: 'idNumber',
      idNumber: '41010519580309123X',
    });
  });

  it('reads a whole phone number, however it is written', () => {
    expect(parseSearchText('138 1234 5678')).toEqual({ kind: 'phone', phone: '13812345678' });
    expect(parseSearchText('+86 138-1234-5678')).toEqual({ kind: 'phone', phone: '13812345678' });
    expect(parseSearchText('0371-65432100')).toEqual({ kind: 'phone', phone: '0371-65432100' });
  });

  it('reads four digits as the end of an ID number or phone, or a door', () => {
    expect(parseSearchText('5678')).toEqual({ kind: 'tail', tail: '5678', door: { door: '5678' } });
    expect(parseSearchText('123x')).toEqual({ kind: 'tail', tail: '123X' });
  });

  it('reads latin letters as pinyin, full or initials, without spaces or apostrophes', () => {
    expect(parseSearchText('zhoumingde')).toEqual({ kind: 'pinyin', letters: 'zhoumingde' });
    expect(parseSearchText('ZMD')).toEqual({ kind: 'pinyin', letters: 'zmd' });
    expect(parseSearchText("xi'an ming")).toEqual({ kind: 'pinyin', letters: 'xianming' });
  });

  it('reads doors and buildings as offices write them', () => {
    expect(parseSearchText('401')).toEqual({ kind: 'door', door: { door: '401' } });
    expect(parseSearchText('401室')).toEqual({ kind: 'door', door: { door: '401' } });
    expect(parseSearchText('401号')).toEqual({ kind: 'door', door: { door: '401' } });
    expect(parseSearchText('1-401')).toEqual({ kind: 'door', door: { entrance: '1', door: '401' } });
    expect(parseSearchText('3-1-401')).toEqual({
      kind: 'door',
      door: { building: '3', entrance: '1', door: '401' },
    });
    expect(parseSearchText('3号楼1单元401')).toEqual({
      kind: 'door',
      door: { building: '3', entrance: '1', door: '401' },
    });
    expect(parseSearchText('三号楼')).toEqual({ kind: 'door', door: { building: '3' } });
    expect(parseSearchText('12栋')).toEqual({ kind: 'door', door: { building: '12' } });
    expect(parseSearchText('二单元')).toEqual({ kind: 'door', door: { entrance: '2' } });
  });

  it('reads anything else as the start of a name', () => {
    expect(parseSearchText('周明')).toEqual({ kind: 'name', name: '周明' });
    expect(parseSearchText(' 欧阳 ')).toEqual({ kind: 'name', name: '欧阳' });
    expect(parseSearchText('三')).toEqual({ kind: 'name', name: '三' });
    expect(parseSearchText('   ')).toBeUndefined();
  });
});

describe('parseDoor', () => {
  it('is undefined for what is not a door', () => {
    expect(parseDoor('王秀英')).toBeUndefined();
    expect(parseDoor('')).toBeUndefined();
    expect(parseDoor('号楼')).toBeUndefined();
  });
});
