import { generateIdNumber } from '../../domain/validators/idNumber';

// Fresh care objects for the access matrix, the input fuzz and the care tests: a household that may ask
// (one resident, marked 低保) in a building given, and a request of such a household for rice and oil.

// biome-ignore lint/suspicious/noExplicitAny: tests read the answers as they please
type AdminCall = (method: string, url: string, payload?: unknown) => Promise<any>;

let seq = 0;

function freshIdNumber(): string {
  const n = ++seq;
  const birthDate = new Date(Date.UTC(1940, 0, 1 + n * 5)).toISOString().slice(0, 10);
  return generateIdNumber({ regionCode: '410105', birthDate, sequence: (n * 13) % 1000 });
}

/** A household of one resident marked 低保 (a red heart) in a building: it may ask for care. */
export async function makeCareHousehold(
  call: AdminCall,
  buildingCode: string,
  door = '101',
): Promise<string> {
  const { key } = await call('POST', '/api/ledger/households', {
    unitCode: buildingCode,
    door,
    residents: [{ name: `保障${++seq}`, idNumber: freshIdNumber(), markers: ['low_income'] }],
  });
  return key;
}

/** A request (open, due tonight) of a fresh red-heart household in a building. */
export async function makeCareRequest(call: AdminCall, buildingCode: string): Promise<string> {
  const householdKey = await makeCareHousehold(call, buildingCode);
  const r = await call('POST', '/api/care/requests', {
    clientId: crypto.randomUUID(),
    householdKey,
    items: [
      { kind: 'rice', quantity: 10 },
      { kind: 'oil', quantity: 1 },
    ],
  });
  return r.id;
}
