import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { readListSheet } from './listSheet';

const id1 = generateIdNumber({ regionCode: '420106', birthDate: '1985-06-01', sequence: 11 });
const id2 = generateIdNumber({ regionCode: '410105', birthDate: '1990-01-20', sequence: 22 });
const today = new Date('2020-02-05T12:00:00Z');

describe('a list from above (协查名单)', () => {
  it('finds the header under a merged title, undoes what Excel did to the ID number, and reads the rows', () => {
    const rows = [
      ['郑州市疫情防控指挥部协查名单（2月5日）', null, null, null, null],
      ['序号', '姓名', '公民身份号码', '联系电话', '现居住地址', '协查事由'],
      [1, '李娜', `'${id1.toLowerCase()}`, '138 0013 8000', '金水区花园路街道省民航社区', '武汉返郑'],
      [2, '王伟', '', 13900001111, '', '密接'],
    ];
    const r = readListSheet(rows, { locale: 'zh-CN', today });
    expect(r.errors).toEqual([]);
    expect(r.count).toBe(2);
    expect(r.rows).toEqual([
      {
        row: 3,
        name: '李娜',
        idNumber: id1,
        phone: '13800138000',
        address: '金水区花园路街道省民航社区',
        reason: '武汉返郑',
      },
      { row: 4, name: '王伟', phone: '13900001111', reason: '密接' },
    ]);
  });

  it('names the row and column of every error, and the second of two rows of one person', () => {
    const rows = [
      ['姓名', '身份证号', '手机号'],
      ['', id2, ''],
      ['张三', '420106198506011234', ''],
      ['李四', '', ''],
      ['赵五', id2, ''],
      ['赵五', id2, ''],
    ];
    const r = readListSheet(rows, { locale: 'en', today });
    expect(r.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [2, '姓名', 'name'],
      [3, '身份证号', 'idNumber'],
      [4, '身份证号', 'idNumber'],
      [6, '身份证号', 'idNumber'],
    ]);
    expect(r.errors[3].message).toContain('row 5');
    expect(r.rows.map((x) => x.row)).toEqual([5]);
  });

  it('says when no header can be found', () => {
    const r = readListSheet(
      [
        ['a', 'b'],
        [1, 2],
      ],
      { locale: 'zh-CN', today },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].row).toBeNull();
    expect(r.errors[0].message).toContain('姓名');
  });
});
