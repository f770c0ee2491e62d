import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../domain/i18n/messages';
import { colourLabel, HOUSEHOLD_COLOURS, parseColour } from '../../../../domain/ledger/colours';
import { MARKERS, parseMarkers } from '../../../../domain/ledger/markers';
import { readLedgerSheet } from '../../../../domain/ledger/sheet/readLedger';
import {
  ID_TYPES,
  parseIdType,
  parseRelation,
  parseSex,
  RELATIONS,
} from '../../../../domain/ledger/sheet/values';
import { generateIdNumber } from '../../../../domain/validators/idNumber';
import { loadWorkbook, workbookBuffer } from '../../../sheets/excelJs';
import { readWorkbook } from '../../../sheets/readWorkbook';
import { placeNames } from '../places';
import { buildTemplate, TEMPLATE_FIELDS, TEMPLATE_ROWS, TEMPLATE_SHEETS, templateLists } from './template';

const LOCALES: Locale[] = ['zh-CN', 'en'];
const col = (field: (typeof TEMPLATE_FIELDS)[number]) =>
  String.fromCharCode(65 + TEMPLATE_FIELDS.indexOf(field));

function validations(ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation> {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
}

describe('buildTemplate', () => {
  for (const locale of LOCALES) {
    it(`${locale}: reads back with its header found and every column mapped, and nothing else`, async () => {
      const sheet = await readWorkbook(await buildTemplate(locale));
      expect(sheet.sheetName).toBe(TEMPLATE_SHEETS[locale].ledger);
      const result = readLedgerSheet(sheet.rows, sheet.merges, { locale });
      expect(result.header?.rowIndex).toBe(1);
      expect(Object.values(result.header?.mapping ?? {})).toEqual([...TEMPLATE_FIELDS]);
      expect(result.header?.unmapped).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result.records).toEqual([]);
    });

    it(`${locale}: has the dropdowns and the text formats`, async () => {
      const wb = await loadWorkbook(await buildTemplate(locale));
      const ws = wb.getWorksheet(TEMPLATE_SHEETS[locale].ledger);
      if (!ws) throw new Error('no ledger sheet');
      const dv = validations(ws);
      for (const field of ['colour', 'sex', 'idType', 'relation', 'markers'] as const) {
        for (const row of [3, TEMPLATE_ROWS + 2]) {
          const v = dv[`${col(field)}${row}`];
          expect(v?.type, `${field} ${row}`).toBe('list');
          expect(String(v?.formulae[0])).toContain(TEMPLATE_SHEETS[locale].lists);
        }
        expect(dv[`${col(field)}${TEMPLATE_ROWS + 3}`]).toBeUndefined();
      }
      expect(dv[`${col('colour')}3`].showErrorMessage).toBe(true);
      expect(dv[`${col('markers')}3`].showErrorMessage).toBeFalsy();
      for (const field of ['idNumber', 'phone', 'door'] as const)
        expect(ws.getColumn(col(field)).numFmt, field).toBe('@');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const lists = wb.getWorksheet(TEMPLATE_SHEETS[locale].lists);
      expect(lists?.state).toBe('hidden');
      expect(lists?.getCell('A2').value).toBe(templateLists(locale).colour[0]);
    });

    it(`${locale}: offers dropdown values the importer reads as their codes`, () => {
      const lists = templateLists(locale);
      expect(lists.colour.map((c) => parseColour(c))).toEqual([...HOUSEHOLD_COLOURS]);
      expect(lists.sex.map(parseSex)).toEqual(['male', 'female']);
      expect(new Set(lists.idType.map(parseIdType))).toEqual(new Set(ID_TYPES));
      expect(new Set(lists.relation.map((r) => parseRelation(r)?.relation))).toEqual(new Set(RELATIONS));
      for (const r of lists.relation) expect(parseRelation(r)?.text, r).toBeUndefined();
      expect(lists.markers.map((m) => parseMarkers(m).markers[0])).toEqual([...MARKERS]);
    });

    it(`${locale}: imports what an office fills in with the dropdowns`, async () => {
      const wb = await loadWorkbook(await buildTemplate(locale, { community: '省民航社区' }));
      const ws = wb.getWorksheet(TEMPLATE_SHEETS[locale].ledger);
      if (!ws) throw new Error('no ledger sheet');
      const lists = templateLists(locale);
      const id = generateIdNumber({ regionCode: '410105', birthDate: '1980-01-01', sequence: 11 });
      const values: Record<string, string> = {
        building: '3号楼',
        unit: '1单元',
        door: '3-12',
        name: '张伟',
        sex: lists.sex[0],
        idType: lists.idType[0],
        idNumber: id,
        phone: '13812345678',
        relation: lists.relation[0],
        colour: lists.colour[2],
        markers: `${lists.markers[0]}、${lists.markers[2]}`,
      };
      for (const [field, v] of Object.entries(values))
        ws.getCell(`${col(field as (typeof TEMPLATE_FIELDS)[number])}3`).value = v;
      ws.getCell(`${col('building')}4`).value = '3号楼';
      ws.getCell(`${col('door')}4`).value = '3-13';
      ws.getCell(`${col('colour')}4`).value = lists.colour[4];
      const sheet = await readWorkbook(await workbookBuffer(wb));
      expect(sheet.rows[0][0]).toContain('省民航社区');
      const result = readLedgerSheet(sheet.rows, sheet.merges, { locale });
      expect(result.errors).toEqual([]);
      expect(result.records).toMatchObject([
        {
          kind: 'resident',
          door: '3-12',
          sex: 'male',
          idType: 'resident_id',
          idNumber: id,
          relation: 'head',
          colour: 'yellow',
          markers: ['party_member', 'volunteer'],
        },
        { kind: 'empty_household', door: '3-13', colour: 'white' },
      ]);
    });

    it(`${locale}: explains how to fill it in, with two example rows in grey italics`, async () => {
      const wb = await loadWorkbook(await buildTemplate(locale));
      const help = wb.getWorksheet(TEMPLATE_SHEETS[locale].help);
      if (!help) throw new Error('no help sheet');
      const rows: ExcelJS.Row[] = [];
      help.eachRow((row) => {
        if (row.getCell(2).value !== null && row.getCell(1).font?.italic) rows.push(row);
      });
      expect(rows).toHaveLength(2);
      expect(rows[0].getCell(1).font?.color?.argb).toBe('FF808080');
      // the examples, as a sheet of their own, would import
      const sheet = await readWorkbook(await buildTemplate(locale), { sheet: TEMPLATE_SHEETS[locale].help });
      const result = readLedgerSheet(sheet.rows, sheet.merges, {
        locale,
        today: new Date(2020, 0, 28),
        places: await placeNames(),
        ledgerDay: '2020-01-28',
      });
      expect(result.errors).toEqual([]);
      expect(result.residents).toBe(2);
      // the second has been to Kaifeng, back on 20 January: a stay with its last day
      expect(result.records[1]).toMatchObject({
        travel: [{ placeCode: '410200', to: '2020-01-20', undated: 'unknown' }],
      });
    });

    it(`${locale}: names the colours after the deployment's city, as the screen does`, async () => {
      const words = (l: string[]) => l.join(' ');
      const lists = templateLists(locale, '4101');
      expect(lists.colour[2]).toContain(colourLabel('yellow', locale, '4101'));
      expect(lists.colour[3]).toContain(colourLabel('green', locale, '4101'));
      expect(lists.colour.map((c) => parseColour(c))).toEqual([...HOUSEHOLD_COLOURS]);
      const sheet = await readWorkbook(await buildTemplate(locale, { homeAreaCode: '4101' }), {
        sheet: TEMPLATE_SHEETS[locale].help,
      });
      const text = words(sheet.rows.flat().map((c) => String(c ?? '')));
      expect(text).toContain(colourLabel('yellow', locale, '4101'));
      expect(text).toContain(colourLabel('green', locale, '4101'));
      expect(text).not.toMatch(/返回无症状|未离开无症状|\{colours\}|\{green\}/);
    });
  }
});
