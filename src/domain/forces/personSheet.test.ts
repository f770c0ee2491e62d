import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { findHeader, readPeopleSheet } from './personSheet';

const today = new Date(2022, 0, 20);
const id1 = generateIdNumber({ regionCode: '410105', birthDate: '1975-03-02', sequence: 11 });
const id2 = generateIdNumber({ regionCode: '410103', birthDate: '1990-07-08', sequence: 22 });

describe('readPeopleSheet', () => {
  it('finds the header under a title row and reads each person', () => {
    const rows = [
      ['省民航社区下沉人员名册'],
      ['姓名*', '性别', '身份证号', '手机号', '类别', '原单位', '技能', '下沉日期'],
      [
        '张伟',
        '男',
        id1,
        13800001111,
        '干部、党员',
        '省民航局',
        '驾驶、宣传',
        new Date(Date.UTC(2022, 0, 5)),
      ],
      [],
      ['李娜', '', id2, '13800002222', '志愿者', '', '医疗', ''],
    ];
    expect(findHeader(rows)?.rowIndex).toBe(1);
    const r = readPeopleSheet(rows, { locale: 'zh-CN', defaultUnitCode: '410105002008', today });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.people.map((p) => p.row)).toEqual([3, 5]);
    expect(r.people[0].value).toMatchObject({
      unitCode: '410105002008',
      phone: '13800001111',
      isCadre: true,
      isPartyMember: true,
      skills: ['driving', 'publicity'],
      sentDownOn: '2022-01-05',
    });
    expect(r.people[1].value).toMatchObject({ sex: 'F', isVolunteer: true, skills: ['medical'] });
  });

  it('reports each bad cell with its row and the column as the sheet names it, and duplicates', () => {
    const rows = [
      ['姓名', '手机号', '身份类别', '身份证号码', '技能'],
      ['张伟', '13800001111', '干部', id1, ''],
      ['王芳', '1380000', '党员', '', ''],
      ['赵强', '13800001111', '群众', '', '唱歌'],
      ['', '13800003333', '志愿者', id1, ''],
    ];
    const r = readPeopleSheet(rows, { locale: 'zh-CN', defaultUnitCode: '410105002008', today });
    expect(r.people.map((p) => p.row)).toEqual([2]);
    const at = r.errors.map((e) => `${e.row}:${e.column}`);
    expect(at).toEqual(['3:手机号', '4:身份类别', '4:技能', '5:姓名']);
    // a row with a duplicate only (and otherwise fine)
    const dup = readPeopleSheet([rows[0], rows[1], ['李四', '13800001111', '志愿者', '', '']], {
      locale: 'en',
      defaultUnitCode: 'x',
      today,
    });
    expect(dup.errors).toEqual([
      { row: 3, column: '手机号', field: 'phone', message: 'Same phone as row 2' },
    ]);
  });

  it('reads English headers and finds no header in a sheet without names', () => {
    expect(findHeader([['Name', 'Phone', 'Category']])?.columns).toEqual({ name: 0, phone: 1, standing: 2 });
    expect(readPeopleSheet([['a', 'b']], { locale: 'en', defaultUnitCode: 'x' }).header).toBeUndefined();
  });

  it('reads through the sheet layer: the fullest header row, office words, merged cells filled down', () => {
    const rows = [
      ['金水区下沉干部名册', '', '', ''],
      ['姓名', '填报人：王芳'],
      ['序号', '* 姓名\n（必填）', '手机号码（11位）', '派出单位', '人员类别'],
      [1, '张伟', '13800001111', '省民航局', '干部'],
      [2, '李娜', '13800002222', null, '干部'],
      [3, '赵强', '13800003333', '省税务局', '党员'],
    ];
    expect(findHeader(rows)).toEqual({
      rowIndex: 2,
      columns: { name: 1, phone: 2, homeWorkUnit: 3, standing: 4 },
      labels: { 1: '*姓名（必填）', 2: '手机号码（11位）', 3: '派出单位', 4: '人员类别' },
    });
    const r = readPeopleSheet(rows, { locale: 'zh-CN', defaultUnitCode: 'x', today, merges: ['D4:D5'] });
    expect(r.errors).toEqual([]);
    expect(r.people.map((p) => [p.row, p.value.homeWorkUnit])).toEqual([
      [4, '省民航局'],
      [5, '省民航局'],
      [6, '省税务局'],
    ]);
  });
});
