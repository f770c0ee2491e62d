import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../validators/idNumber';
import { checkPerson, parseSkill, parseStandings, personInput, standingsText } from './person';

const today = new Date(2022, 0, 20);
const id = generateIdNumber({ regionCode: '410105', birthDate: '1980-05-06', sequence: 123 }); // odd: a man

describe('checkPerson', () => {
  it('accepts a sent-down cadre, normalising the phone and taking birth date and sex from the ID number', () => {
    const r = checkPerson(
      {
        unitCode: '410105002008',
        name: ' 王 建国 ',
        phone: '+86 138-1234-5678',
        idNumber: id.toLowerCase(),
        isCadre: true,
        homeWorkUnit: '省民航局',
        sentDownOn: '2022/1/5',
        skills: ['医疗', 'driving', '司机'],
      },
      'zh-CN',
      today,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      name: '王 建国',
      phone: '13812345678',
      idNumber: id,
      birthDate: '1980-05-06',
      sex: 'M',
      sentDownOn: '2022-01-05',
      skills: ['medical', 'driving'],
      isCadre: true,
      isVolunteer: false,
    });
  });

  it('keeps notes and units as typed: full-width punctuation and line breaks stay', () => {
    const r = checkPerson(
      {
        unitCode: '410105002008',
        name: '买买提.艾力',
        isVolunteer: true,
        homeWorkUnit: '郑州市第一人民医院（急诊科）',
        notes: '腿脚不便，需送菜上门\n晚上可值班',
      },
      'zh-CN',
      today,
    );
    expect(r.ok && r.value).toMatchObject({
      name: '买买提.艾力',
      homeWorkUnit: '郑州市第一人民医院（急诊科）',
      notes: '腿脚不便，需送菜上门\n晚上可值班',
    });
  });

  it('names the field of each mistake, in the caller language', () => {
    const bad = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    const r = checkPerson(
      {
        unitCode: '',
        name: '',
        phone: '1381234',
        idNumber: bad,
        sex: '女',
        skills: ['唱歌'],
        reportedOn: '2022-13-01',
      },
      'zh-CN',
      today,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(
      ['idNumber', 'name', 'phone', 'reportedOn', 'skills', 'standing', 'unitCode'].sort(),
    );
    expect(r.errors.find((e) => e.field === 'phone')?.message).toContain('手机号');
    const en = checkPerson({ unitCode: 'x', name: 'a', isVolunteer: true, phone: '12' }, 'en', today);
    expect(!en.ok && en.errors[0].message).toMatch(/phone/i);
  });

  it('refuses a sex or birth date that contradicts the ID number, and dates in the future', () => {
    const r = checkPerson(
      {
        unitCode: 'x',
        name: '李',
        isVolunteer: true,
        idNumber: id,
        sex: '女',
        birthDate: '1981-01-01',
        sentDownOn: '2030-01-01',
      },
      'en',
      today,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['sex', 'birthDate', 'sentDownOn']);
  });

  it('keeps the API schema to shapes (meaning is for checkPerson)', () => {
    expect(personInput.safeParse({ unitCode: '410105002008', name: '张三', phone: 'abc' }).success).toBe(
      true,
    );
    expect(
      personInput.safeParse({ unitCode: '410105002008', name: '张三', availability: { x: 1 } }).success,
    ).toBe(false);
  });
});

describe('words', () => {
  it('reads categories and skills as offices write them', () => {
    expect(parseStandings('干部、党员')).toEqual({
      isCadre: true,
      isPartyMember: true,
      isVolunteer: false,
      unknown: [],
    });
    expect(parseStandings('志愿者,群众').unknown).toEqual(['群众']);
    expect(parseSkill('护士')).toBe('medical');
    expect(parseSkill('Police')).toBe('police');
    expect(parseSkill('唱歌')).toBeUndefined();
    expect(standingsText({ isCadre: true, isPartyMember: true, isVolunteer: false }, 'zh-CN')).toBe(
      '干部、党员',
    );
  });
});
