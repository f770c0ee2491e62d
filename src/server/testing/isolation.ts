import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { XLSX_TYPE } from '../modules/ledger/importRoutes';
import { workbookBuffer } from '../sheets/excelJs';

// Fresh isolation objects for the access matrix and the input fuzz: a key person under home isolation at
// a unit, their measure, a transfer opened by a check at 38.5 °C, an isolation site.

// biome-ignore lint/suspicious/noExplicitAny: tests read the answers as they please
type AdminCall = (method: string, url: string, payload?: unknown) => Promise<any>;

let seq = 0;

function freshIdNumber(): string {
  const n = ++seq;
  const birthDate = new Date(Date.UTC(1960, 0, 1 + n * 7)).toISOString().slice(0, 10);
  return generateIdNumber({ regionCode: '420106', birthDate, sequence: (n * 37) % 1000 });
}

export async function makeKeyPerson(
  call: AdminCall,
  unitCode: string,
): Promise<{ id: string; measureId: string }> {
  const k = await call('POST', '/api/isolation/key-persons', {
    unitCode,
    name: `隔离测试${++seq}`,
    idNumber: freshIdNumber(),
    category: 'key_area',
    source: 'walk_in',
    measure: { kind: 'home_isolation' },
  });
  return { id: k.id, measureId: k.measureId };
}

export async function makeTransfer(call: AdminCall, unitCode: string): Promise<string> {
  const { id } = await makeKeyPerson(call, unitCode);
  await call('POST', `/api/isolation/key-persons/${id}/checks`, {
    clientId: crypto.randomUUID(),
    how: 'door',
    temperatureC: 38.5,
  });
  const person = await call('GET', `/api/isolation/key-persons/${id}`);
  return person.transfers[0].id;
}

export async function makeIsolationSite(call: AdminCall, unitCode: string): Promise<string> {
  return (
    await call('POST', '/api/org/facilities', { unitCode, kind: 'isolation_site', name: `隔离点${++seq}` })
  ).id;
}

/** An .xlsx of rows (the first the header), as an office's list from above would come. */
export async function sheetOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查名单');
  for (const r of rows) ws.addRow(r);
  return workbookBuffer(wb);
}

/** Posts a list from above (xlsx) at a unit; answers the server's answer. */
export function postList(
  app: FastifyInstance,
  cookie: string,
  unitCode: string,
  data: Buffer,
  title = '协查名单',
) {
  return app.inject({
    method: 'POST',
    url: `/api/isolation/lists?unit=${unitCode}&title=${encodeURIComponent(title)}&category=key_area`,
    headers: { cookie, 'content-type': XLSX_TYPE },
    payload: data,
  });
}

/** A list of one person not in the ledger, received at a unit; answers the list's id. */
export async function makeIsolationList(
  app: FastifyInstance,
  cookie: string,
  unitCode: string,
): Promise<string> {
  const data = await sheetOf([
    ['姓名', '身份证号', '联系电话', '现住址'],
    [`名单人员${++seq}`, freshIdNumber(), '', '不详'],
  ]);
  const res = await postList(app, cookie, unitCode, data);
  if (res.statusCode !== 201) throw new Error(`list: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A row of a fresh list that the list could not place (not found): what an office places by hand. */
export async function makeIsolationListRow(
  app: FastifyInstance,
  cookie: string,
  unitCode: string,
): Promise<string> {
  const id = await makeIsolationList(app, cookie, unitCode);
  const res = await app.inject({ method: 'GET', url: `/api/isolation/lists/${id}`, headers: { cookie } });
  return res.json().items[0].id;
}
