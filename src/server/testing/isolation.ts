import { generateIdNumber } from '../../domain/validators/idNumber';

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
