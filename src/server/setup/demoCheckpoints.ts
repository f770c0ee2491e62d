import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { pickName, pickSurname } from '../../domain/ledger/demo/names';
import { pickMobile } from '../../domain/ledger/demo/phones';
import { Prng } from '../../domain/ledger/demo/prng';
import { addDays } from '../../domain/ledger/keyAreas';
import { shanghaiDayStart } from '../../domain/time/shanghai';
import { randomIdNumber } from '../../domain/validators/idNumber';
import { bulkTransaction, type CopyValue, nextIds } from '../db/bulk';
import { protectIdNumber, protectPhone } from '../modules/ledger/protect';
import { platformNow, platformToday } from '../platform/clock';
import type { Services } from '../platform/services';

// The demo city's checkpoints at work through the replayed week: passages at 长兴路防疫服务站 (a town's
// station: a few hundred vehicles a day) and 连霍高速惠济站卡点 (a highway exit: about 1,500 a day; one
// station in the reports checked 5,225 vehicles with 147 staff), more by day than by night, each vehicle
// with 1–4 people, their temperatures, a few back from 武汉 (handed over to their community or turned
// back), a few with a fever (transferred to the fever clinic). Loaded with COPY, the counts kept by the
// trigger as for any passage; a few hand-overs wait at the communities of 长兴路街道, two of them overdue.

const STATIONS: [string, number][] = [
  ['长兴路防疫服务站', 350],
  ['连霍高速惠济站卡点', 1500],
];
const DAYS = 7;
/** share of the day's traffic in each hour (Asia/Shanghai): quiet at night, busy by day */
const HOURLY = [1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 6, 6, 6, 7, 7, 8, 8, 6, 5, 4, 3, 2, 1];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);
const PLATES = '豫豫豫豫豫豫豫豫鄂皖冀鲁陕京';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const STEPS = ['stop', 'inspect', 'measure', 'register', 'inform', 'disinfect', 'report'];
const KINDS: [string, number][] = [
  ['car', 80],
  ['truck', 12],
  ['bus', 2],
  ['motorbike', 4],
  ['other', 2],
];

const PASSAGE_COLUMNS = [
  'region_code',
  'id',
  'client_id',
  'facility_id',
  'unit_path',
  'occurred_at',
  'day',
  'shift_id',
  'shift_name',
  'direction',
  'plate',
  'vehicle_kind',
  'people_count',
  'names',
  'outcome',
  'transfer_facility_id',
  'key_area_people',
  'fever_people',
  'handed_over',
  'steps',
  'by_name',
] as const;
const PEOPLE_COLUMNS = [
  'region_code',
  'passage_id',
  'position',
  'name',
  'id_enc',
  'id_hmac',
  'id_masked',
  'id_tail',
  'phone_enc',
  'phone_hmac',
  'phone_masked',
  'phone_tail',
  'temperature_c',
  'travel',
  'destination_path',
  'destination_address',
  'from_key_area',
  'key_area',
  'fever',
] as const;

export async function seedDemoCheckpoints(
  services: Services,
): Promise<{ passages: number; handovers: number }> {
  const { db } = services;
  const rng = new Prng(20200205);
  const today = platformToday(services.config);
  const now = platformNow(services.config).getTime();
  const { rows: stations } = await sql<{ id: string; unit_path: string; region: string }>`
    SELECT f.id::text AS id, f.unit_path, coalesce(u.region_code, left(u.code, 6)) AS region, f.name
    FROM facilities f JOIN units u ON u.id = f.unit_id
    WHERE f.kind = 'checkpoint' AND f.name = ANY(${STATIONS.map((s) => s[0])}::text[])
    ORDER BY array_position(${STATIONS.map((s) => s[0])}::text[], f.name)`.execute(db);
  if (stations.length === 0) return { passages: 0, handovers: 0 };
  const clinic = (
    await sql<{
      id: string;
    }>`SELECT id::text AS id FROM facilities WHERE kind = 'fever_clinic' ORDER BY id LIMIT 1`.execute(db)
  ).rows[0]?.id;
  const { rows: communities } = await sql<{ path: string; region: string; name: string }>`
    SELECT path, coalesce(region_code, left(code, 6)) AS region, name FROM units
    WHERE code LIKE '410108004%' AND length(code) = 12 ORDER BY code`.execute(db);
  const shifts = (
    await sql<{ id: string; facility_id: string; label: string; starts_at: Date; ends_at: Date }>`
      SELECT id::text AS id, facility_id::text AS facility_id, label, starts_at, ends_at FROM duty_shifts
      WHERE facility_id = ANY(${stations.map((s) => s.id)}::bigint[])`.execute(db)
  ).rows;
  const shiftAt = (facility: string, t: number) =>
    shifts.find((s) => s.facility_id === facility && s.starts_at.getTime() <= t && t < s.ends_at.getTime());

  const passages: CopyValue[][] = [];
  const people: CopyValue[][] = [];
  const handovers: {
    region: string;
    passageRegion: string;
    passageIndex: number;
    position: number;
    facility: string;
    facilityPath: string;
    destination: string;
    name: string;
    idMasked: string;
    phoneMasked: string;
    reason: string;
    at: number;
  }[] = [];
  const plan: { station: number; at: number }[] = [];
  stations.forEach((_, si) => {
    for (let d = DAYS - 1; d >= 0; d--) {
      const day = addDays(today, -d);
      const start = shanghaiDayStart(day);
      const volume = Math.round(STATIONS[si][1] * (0.8 + rng.next() * 0.4));
      for (let h = 0; h < 24; h++) {
        const n = Math.round((volume * HOURLY[h]) / HOURLY_SUM);
        for (let k = 0; k < n; k++) {
          const at = start + h * 3_600_000 + Math.floor(rng.next() * 3_600_000);
          if (at <= now) plan.push({ station: si, at });
        }
      }
    }
  });
  plan.sort((a, b) => a.at - b.at);
  const ids = await nextIds(db, 'checkpoint_passages', plan.length);
  plan.forEach(({ station, at }, i) => {
    const s = stations[station];
    const kindRoll = rng.below(100);
    let acc = 0;
    const kind = KINDS.find(([, w]) => (acc += w) > kindRoll)?.[0] ?? 'car';
    const count =
      kind === 'bus'
        ? 10 + rng.below(30)
        : kind === 'truck' || kind === 'motorbike'
          ? 1 + rng.below(2)
          : 1 + rng.below(4);
    const plate = `${PLATES[rng.below(PLATES.length)]}${LETTERS[rng.below(LETTERS.length)]}${String(rng.below(100000)).padStart(5, '0')}`;
    const keyArea = rng.below(150) === 0;
    const fever = !keyArea && rng.below(300) === 0;
    const dest = keyArea || fever ? communities[rng.below(Math.max(communities.length, 1))] : undefined;
    const names: string[] = [];
    let keyAreaPeople = 0;
    let feverPeople = 0;
    let handed = 0;
    for (let p = 0; p < count; p++) {
      const sex = rng.below(2) === 0 ? 'male' : 'female';
      const year = 1950 + rng.below(55);
      const name = pickName(rng, pickSurname(rng), sex, year);
      names.push(name);
      const idNumber = randomIdNumber(() => rng.next(), {
        regionCodes: ['410108', '410105', '410102', '410181', '411002', '420106'],
        birthFrom: `${year}-01-01`,
        birthTo: `${year}-12-28`,
        sex,
      });
      const id = protectIdNumber(services.protector, idNumber);
      const phone = p === 0 ? protectPhone(services.protector, pickMobile(rng)) : undefined;
      const fromKey = keyArea && p === 0;
      const hasFever = fever && p === 0;
      const temperature = hasFever ? 37.5 + rng.below(15) / 10 : 36 + rng.below(10) / 10;
      if (fromKey) keyAreaPeople++;
      if (hasFever) feverPeople++;
      const handOver = (fromKey || hasFever) && dest !== undefined && at > now - 36 * 3_600_000;
      if (handOver && dest) {
        handed++;
        handovers.push({
          region: dest.region,
          passageRegion: s.region,
          passageIndex: i,
          position: p,
          facility: s.id,
          facilityPath: s.unit_path,
          destination: dest.path,
          name,
          idMasked: id.masked,
          phoneMasked: phone?.masked ?? '',
          reason: fromKey ? 'key_area' : 'fever',
          at,
        });
      }
      people.push([
        s.region,
        ids[i],
        p,
        name,
        id.enc,
        id.hmac,
        id.masked,
        id.tail,
        phone?.enc,
        phone?.hmac,
        phone?.masked,
        phone?.tail,
        temperature.toFixed(1),
        JSON.stringify(
          fromKey ? [{ placeCode: '4201', placeName: '武汉市', undated: 'unknown', recordedOn: today }] : [],
        ),
        dest && (fromKey || hasFever) ? dest.path : null,
        dest && (fromKey || hasFever) ? `${dest.name}${1 + rng.below(20)}号楼` : null,
        fromKey,
        fromKey
          ? JSON.stringify({ code: '4201', name: '武汉市', placeCode: '4201', placeName: '武汉市' })
          : null,
        hasFever,
      ]);
    }
    const outcome =
      handed > 0
        ? 'handed_over'
        : fever && clinic
          ? 'transferred'
          : keyArea || rng.below(60) === 0
            ? 'persuaded_back'
            : 'released';
    const shift = shiftAt(s.id, at);
    const occurred = new Date(at);
    passages.push([
      s.region,
      ids[i],
      randomUUID(),
      s.id,
      s.unit_path,
      occurred.toISOString(),
      new Date(at + 8 * 3_600_000).toISOString().slice(0, 10),
      shift?.id ?? null,
      shift?.label ?? null,
      rng.below(5) < 3 ? 'in' : 'out',
      plate,
      kind,
      count,
      names,
      outcome,
      outcome === 'transferred' ? clinic : null,
      keyAreaPeople,
      feverPeople,
      handed,
      JSON.stringify(STEPS.map((step) => ({ step, by: '值守人员', at: occurred.toISOString() }))),
      '值守人员',
    ]);
  });
  await bulkTransaction(db, async ({ tx, copy }) => {
    await copy('checkpoint_passages', PASSAGE_COLUMNS, passages);
    await copy('checkpoint_people', PEOPLE_COLUMNS, people);
    if (handovers.length === 0) return;
    // the people's ids, for the hand-overs: by passage and position
    const { rows } = await sql<{ id: string; passage_id: string; position: number }>`
      SELECT id::text AS id, passage_id::text AS passage_id, position FROM checkpoint_people
      WHERE passage_id = ANY(${[...new Set(handovers.map((h) => ids[h.passageIndex]))]}::bigint[])`.execute(
      tx,
    );
    const personOf = new Map(rows.map((r) => [`${r.passage_id}/${r.position}`, r.id]));
    await copy(
      'checkpoint_handovers',
      [
        'region_code',
        'passage_region',
        'passage_id',
        'person_id',
        'facility_id',
        'facility_path',
        'destination_path',
        'name',
        'id_masked',
        'phone_masked',
        'reason',
        'from_place',
        'passage_at',
        'due_at',
      ],
      handovers.map((h) => [
        h.region,
        h.passageRegion,
        ids[h.passageIndex],
        personOf.get(`${ids[h.passageIndex]}/${h.position}`),
        h.facility,
        h.facilityPath,
        h.destination,
        h.name,
        h.idMasked,
        h.phoneMasked || null,
        h.reason,
        h.reason === 'key_area' ? '武汉市' : null,
        new Date(h.at).toISOString(),
        new Date(h.at + 24 * 3_600_000).toISOString(),
      ]),
    );
  });
  return { passages: passages.length, handovers: handovers.length };
}
