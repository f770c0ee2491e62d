import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, toFullWidth } from '../testing/text';
import { generateIdNumber, PROVINCE_CODES } from '../validators/idNumber';
import {
  cellText,
  dateText,
  excelSerialDate,
  isBlankCell,
  normaliseCode,
  normaliseDate,
  normaliseIdCell,
  normaliseName,
  normaliseText,
  numberText,
} from './normalise';

/** '１２３' for '123': the full-width forms Chinese input methods give */
/** text made of what ledger cells hold: digits, letters, Chinese, spaces of every kind, dashes, dots */
const ledgerText = fc.string({
  unit: fc.constantFrom(
    ..."0123456789０１２３４５６７８９xXｘＸaAｂ号楼栋单元室张三李·.．-－—– \u3000\u00a0\u200b\t\n'‘’".split(
      '',
    ),
  ),
  maxLength: 25,
});

const validId = fc
  .record({
    province: fc.constantFrom(...[...PROVINCE_CODES].filter((p) => !p.startsWith('7') && !p.startsWith('8'))),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date(Date.UTC(1930, 0, 1)),
      max: new Date(Date.UTC(2020, 11, 31)),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) =>
    generateIdNumber({
      regionCode: province + String(rest).padStart(4, '0'),
      birthDate: birth.toISOString().slice(0, 10),
      sequence,
    }),
  );

describe('cellText', () => {
  it('drops control characters and halves of surrogate pairs a hostile sheet carries, keeps the rest', () => {
    expect(cellText('张\u0000三')).toBe('张三');
    expect(cellText('\u0001王\u001f丽\u007f')).toBe('王丽');
    expect(cellText('a\ud800b\udc00c')).toBe('abc');
    expect(cellText('腿脚不便\n需送菜\t上门')).toBe('腿脚不便\n需送菜\t上门');
    expect(cellText('𠮷野')).toBe('𠮷野');
  });
  it('reads every kind of value ExcelJS gives', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText('  张三 \u3000')).toBe('张三');
    expect(cellText('\u200b张三\ufeff')).toBe('张三');
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(1980, 0, 31)))).toBe('1980-01-31');
    expect(cellText({ richText: [{ text: '身份证' }, { font: { bold: true }, text: '号码' }] })).toBe(
      '身份证号码',
    );
    expect(cellText({ text: '13812345678', hyperlink: 'tel:13812345678' })).toBe('13812345678');
    expect(cellText({ formula: 'A1&B1', result: '1号楼' })).toBe('1号楼');
    expect(cellText({ sharedFormula: 'A2', result: 3 })).toBe('3');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ something: 'else' })).toBe('');
    expect(isBlankCell(' \u3000')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });

  it('writes numbers out in full, rounded to the 15 digits Excel keeps', () => {
    expect(numberText(410105198001011000)).toBe('410105198001011000');
    expect(numberText(4.10105198001011e17)).toBe('410105198001011000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(101)).toBe('101');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(Number.NaN)).toBe('');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('dates', () => {
  it('reads a Date as the calendar date it stands for', () => {
    expect(dateText(new Date(Date.UTC(1980, 0, 1)))).toBe('1980-01-01'); // ExcelJS: UTC midnight
    expect(dateText(new Date(1980, 0, 1))).toBe('1980-01-01'); // made at local midnight
    expect(dateText(new Date(Date.UTC(1980, 0, 1, 15, 30)))).toBe('1980-01-01'); // a date-time cell
    expect(dateText(new Date(Number.NaN))).toBeUndefined();
  });

  it('reads Excel serial numbers in the 1900 date system, with its phantom 29 February 1900', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(59)).toBe('1900-02-28');
    expect(excelSerialDate(60)).toBeUndefined();
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(excelSerialDate(29221)).toBe('1980-01-01');
    expect(excelSerialDate(29221.75)).toBe('1980-01-01');
    expect(excelSerialDate(2958465)).toBe('9999-12-31');
    expect(excelSerialDate(0)).toBeUndefined();
    expect(excelSerialDate(2958466)).toBeUndefined();
  });

  it('reads dates as offices write them', () => {
    const cases: [unknown, string | undefined][] = [
      [new Date(Date.UTC(1980, 0, 31)), '1980-01-31'],
      [29251, '1980-01-31'],
      [19800131, '1980-01-31'],
      ['19800131', '1980-01-31'],
      ['1980-1-31', '1980-01-31'],
      ['1980/01/31', '1980-01-31'],
      ['1980.1.31', '1980-01-31'],
      ['1980年1月31日', '1980-01-31'],
      ['１９８０年１月３１日', '1980-01-31'],
      [' 1980 - 01 - 31 ', '1980-01-31'],
      ['1980-01-31 00:00:00', '1980-01-31'],
      ['1980-01-31T00:00:00.000Z', '1980-01-31'],
      ['1980.01', '1980-01'],
      ['1980年1月', '1980-01'],
      ['198001', '1980-01'],
      [198001, '1980-01'],
      ['1980-02-30', undefined],
      ['1981-02-29', undefined],
      ['1980-13-01', undefined],
      ['19801301', undefined],
      ['不详', undefined],
      ['', undefined],
      [null, undefined],
      [29221.5, '1980-01-01'],
    ];
    for (const [input, expected] of cases) expect(normaliseDate(input), String(input)).toBe(expected);
  });

  it('is idempotent: a normalised date reads as itself', () => {
    fc.assert(
      fc.property(fc.oneof(ledgerText, anyText, fc.integer({ min: -10, max: 30_000_000 })), (v) => {
        const once = normaliseDate(v);
        if (once !== undefined) expect(normaliseDate(once)).toBe(once);
      }),
    );
  });

  it('gives back any real date written in any of the forms', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2099, 11, 31)),
          noInvalidDate: true,
        }),
        fc.constantFrom('-', '/', '.', '年'),
        fc.boolean(),
        (d, sep, fullWidth) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-').map(Number);
          const written = sep === '年' ? `${y}年${m}月${day}日` : [y, m, day].join(sep);
          expect(normaliseDate(fullWidth ? toFullWidth(written) : written)).toBe(iso);
          expect(normaliseDate(new Date(Date.UTC(y, m - 1, day)))).toBe(iso);
        },
      ),
    );
  });
});

describe('normaliseText and normaliseName', () => {
  it('cleans free text and names', () => {
    expect(normaliseText('  郑州市 第一\n中学 ')).toBe('郑州市第一中学');
    expect(normaliseText('ＡＢＣ  公司')).toBe('ABC 公司');
    expect(normaliseText('Zhengzhou  No. 1\tMiddle School')).toBe('Zhengzhou No. 1 Middle School');
    expect(normaliseName('张  三')).toBe('张三');
    expect(normaliseName('张\u3000三')).toBe('张三');
    expect(normaliseName('John  Smith')).toBe('John Smith');
    expect(normaliseName('买买提.艾力')).toBe('买买提·艾力');
    expect(normaliseName('买买提 • 艾力')).toBe('买买提·艾力');
    expect(normaliseName('买买提・艾力')).toBe('买买提·艾力');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ledgerText, anyText), (s) => {
        expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
        expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
      }),
    );
  });
});

describe('normaliseCode', () => {
  it('cleans building, unit and door numbers', () => {
    expect(normaliseCode('３ 号楼')).toBe('3号楼');
    expect(normaliseCode(' 1 – 101 ')).toBe('1-101');
    expect(normaliseCode('1—101')).toBe('1-101');
    expect(normaliseCode('2a')).toBe('2A');
    expect(normaliseCode(101)).toBe('101');
    expect(normaliseCode(null)).toBe('');
    // '3-12' typed into a General cell became 12 March; the door number comes back
    expect(normaliseCode(new Date(Date.UTC(2020, 2, 12)))).toBe('3-12');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ledgerText, anyText), (s) => {
        expect(normaliseCode(normaliseCode(s))).toBe(normaliseCode(s));
      }),
    );
  });
});

describe('normaliseIdCell', () => {
  it('gives the canonical number however a valid ID is written', () => {
    fc.assert(
      fc.property(
        validId,
        fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
        fc.array(fc.constantFrom('', '', '', ' ', '\u3000', '\u00a0', '\u200b', '\t'), {
          minLength: 19,
          maxLength: 19,
        }),
        fc.constantFrom('', "'", '‘', '’', '＇'),
        (id, fullWidth, spaces, quote) => {
          const written =
            quote +
            [...id]
              .map((ch, i) => {
                const c = ch === 'X' && fullWidth[(i + 1) % 18] ? 'x' : ch;
                return spaces[i] + (fullWidth[i] ? toFullWidth(c) : c);
              })
              .join('') +
            spaces[18];
          expect(normaliseIdCell(written)).toBe(id);
        },
      ),
    );
  });

  it('reads numbers, rich text and the lowercase x', () => {
    expect(normaliseIdCell('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdCell({ richText: [{ text: '110105' }, { text: '19491231002X' }] })).toBe(
      '11010519491231002X',
    );
    expect(normaliseIdCell(4.10105198001011e17)).toBe('410105198001011000');
    expect(normaliseIdCell('4.10105E+17')).toBe('4.10105E+17');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ledgerText, anyText), (s) => {
        expect(normaliseIdCell(normaliseIdCell(s))).toBe(normaliseIdCell(s));
      }),
    );
  });
});
