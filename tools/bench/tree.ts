import { sql } from 'kysely';
import { pinyinInitials, unitSearchText } from '../../src/domain/org/initials';
import { type LocalKind, localUnitCode, pathLabel } from '../../src/domain/org/units';
import type { Db } from '../../src/server/db/connection';
import { importDivisions } from '../../src/server/modules/org/divisions';
import { getUnit, listChildren, searchUnits } from '../../src/server/modules/org/service';
import { Scope } from '../../src/server/platform/scope';
import { explainOperation } from './explain';
import { type MeasureOptions, measure, type Operation, prng, type Timing, timed } from './measure';
import type { BenchContext, Facts, Suite } from './suite';

// The jurisdiction tree at the size of a province: all of Henan's official divisions (province …
// village/community, 52,378 villages) and 500,000 units the communities create below them (grids,
// courtyards, buildings), then the tree queries the app runs, through the app's own service functions
// and scope helper.

const LOCAL_UNITS = 500_000;
const BATCH = 20_000;
const SEED = 20_200_123;
const LATE_CITY = '411700';

// The shape of what communities create. An urban community (社区) divides into grids of a few
// courtyards (小区/楼院) of a few buildings each; a village (村) into one or two grids with its rows of
// houses (buildings straight under the grid, as ALLOWED_PARENTS permits). Urban communities create
// about ten times as much as villages; each village's share varies ±50% around its kind's mean.
const URBAN_WEIGHT = 10;
const COURTYARDS_PER_GRID = [1, 3] as const; // urban, inclusive range
const BUILDINGS_PER_COURTYARD = [2, 8] as const;
const BUILDINGS_PER_RURAL_GRID = [2, 8] as const;
const COURTYARD_NAMES = {
  first: [
    '幸福',
    '和平',
    '建设',
    '阳光',
    '锦绣',
    '金水',
    '民航',
    '紫荆',
    '绿城',
    '文化',
    '铁路',
    '电力',
    '纺织',
    '棉纺',
    '世纪',
    '东方',
    '福华',
    '名门',
    '正商',
    '建业',
    '升龙',
    '永威',
    '鑫苑',
    '康桥',
    '亚星',
    '市委',
    '省直',
    '交通',
  ],
  last: ['小区', '家园', '花园', '苑', '家属院', '新村', '公寓'],
};

interface Village {
  id: string;
  code: string;
  name: string;
  path: string;
  depth: number;
  region_code: string | null;
}

/** Rows of one level of local units, column by column (the unnest parameters). */
class Level {
  code: string[] = [];
  parentCode: string[] = [];
  name: string[] = [];
  path: string[] = [];
  depth: number[] = [];
  regionCode: (string | null)[] = [];
  initials: string[] = [];
  searchText: string[] = [];
  constructor(readonly kind: LocalKind) {}
  get length() {
    return this.code.length;
  }
}

const nameCache = new Map<string, [string, string]>();
/** initials and search text of a name, as createUnit computes them (memoised: names repeat a lot). */
function searchColumns(name: string): [string, string] {
  let v = nameCache.get(name);
  if (!v) {
    v = [pinyinInitials(name), unitSearchText(name)];
    nameCache.set(name, v);
  }
  return v;
}

/** How many local units each village gets: weights ±50%, scaled to exactly `total`, at least one each. */
function shares(villages: Village[], total: number, rand: () => number): number[] {
  const weights = villages.map((v) => (isUrban(v) ? URBAN_WEIGHT : 1) * (0.5 + rand()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * (total - villages.length));
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byFraction) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

function isUrban(v: Village): boolean {
  return v.name.endsWith('社区');
}

/**
 * The local units of every village, in the shape createUnit gives them: code from the community's
 * counter (localUnitCode), path = parent path + pathLabel, depth = parent depth + 1, the region code
 * of the parent, initials and search text of the name. A parent always comes before its children.
 */
function localUnits(villages: Village[], rand: () => number) {
  const levels = {
    grid: new Level('grid'),
    courtyard: new Level('courtyard'),
    building: new Level('building'),
  };
  const counters: { communityId: string[]; kind: string[]; last: number[] } = {
    communityId: [],
    kind: [],
    last: [],
  };
  const between = ([lo, hi]: readonly [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));
  const quota = shares(villages, LOCAL_UNITS, rand);

  villages.forEach((v, vi) => {
    let budget = quota[vi];
    const n = { grid: 0, courtyard: 0, building: 0 };
    const add = (kind: LocalKind, parent: { code: string; path: string; depth: number }, name: string) => {
      budget--;
      const code = localUnitCode(v.code, kind, ++n[kind]);
      const unit = { code, path: `${parent.path}.${pathLabel(code, v.code)}`, depth: parent.depth + 1 };
      const [initials, searchText] = searchColumns(name);
      const level = levels[kind];
      level.code.push(code);
      level.parentCode.push(parent.code);
      level.name.push(name);
      level.path.push(unit.path);
      level.depth.push(unit.depth);
      level.regionCode.push(v.region_code);
      level.initials.push(initials);
      level.searchText.push(searchText);
      return unit;
    };
    const urban = isUrban(v);
    let gridNo = 0;
    while (budget > 0) {
      const grid = add('grid', v, `第${++gridNo}网格`);
      if (urban) {
        for (let c = between(COURTYARDS_PER_GRID); c > 0 && budget > 0; c--) {
          const { first, last } = COURTYARD_NAMES;
          const name = first[Math.floor(rand() * first.length)] + last[Math.floor(rand() * last.length)];
          const courtyard = add('courtyard', grid, name);
          for (let b = 1, k = between(BUILDINGS_PER_COURTYARD); b <= k && budget > 0; b++)
            add('building', courtyard, `${b}号楼`);
        }
      } else {
        for (let b = 1, k = between(BUILDINGS_PER_RURAL_GRID); b <= k && budget > 0; b++)
          add('building', grid, `第${b}排`);
      }
    }
    for (const kind of ['grid', 'courtyard', 'building'] as const) {
      if (n[kind] === 0) continue;
      counters.communityId.push(v.id);
      counters.kind.push(kind);
      counters.last.push(n[kind]);
    }
  });
  return { levels, counters };
}

/** Inserts one level in batches: INSERT … SELECT FROM unnest(…), the parent's id found by its code. */
async function insertLevel(db: Db, level: Level, log: (msg: string) => void): Promise<void> {
  for (let i = 0; i < level.length; i += BATCH) {
    const cut = <T>(a: T[]) => a.slice(i, i + BATCH);
    const result = await sql`
      INSERT INTO units (code, parent_id, kind, name, path, depth, region_code, initials, search_text)
      SELECT u.code, p.id, ${level.kind}, u.name, u.path, u.depth, u.region_code, u.initials, u.search_text
      FROM unnest(${cut(level.code)}::text[], ${cut(level.parentCode)}::text[], ${cut(level.name)}::text[],
                  ${cut(level.path)}::text[], ${cut(level.depth)}::int2[], ${cut(level.regionCode)}::text[],
                  ${cut(level.initials)}::text[], ${cut(level.searchText)}::text[])
             AS u(code, parent_code, name, path, depth, region_code, initials, search_text)
      JOIN units p ON p.code = u.parent_code`.execute(db);
    const expected = Math.min(BATCH, level.length - i);
    if (Number(result.numAffectedRows) !== expected) {
      throw new Error(
        `${level.kind}s ${i}…: inserted ${result.numAffectedRows} of ${expected} (a parent is missing)`,
      );
    }
    log(`  ${level.kind}s ${(i + expected).toLocaleString('en')} / ${level.length.toLocaleString('en')}`);
  }
}

async function grow(ctx: BenchContext): Promise<Facts> {
  const { db, log } = ctx;
  log('importing the official divisions of Henan (41) …');
  const imported = await timed(() => importDivisions(db, { province: '41' }));
  log(`  ${imported.value.inserted.toLocaleString('en')} units in ${imported.seconds.toFixed(1)} s`);

  const villages = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path', 'depth', 'region_code'])
    .where('kind', '=', 'village')
    .orderBy('code')
    .execute();
  log(
    `growing ${LOCAL_UNITS.toLocaleString('en')} grids, courtyards and buildings below ${villages.length.toLocaleString('en')} villages …`,
  );
  const grown = await timed(async () => {
    const { levels, counters } = localUnits(villages, prng(SEED));
    for (const level of [levels.grid, levels.courtyard, levels.building]) await insertLevel(db, level, log);
    for (let i = 0; i < counters.kind.length; i += BATCH) {
      const cut = <T>(a: T[]) => a.slice(i, i + BATCH);
      await sql`
        INSERT INTO unit_code_counters (community_id, kind, last_value)
        SELECT * FROM unnest(${cut(counters.communityId)}::int8[], ${cut(counters.kind)}::text[], ${cut(counters.last)}::int4[])`.execute(
        db,
      );
    }
    return {
      grids: levels.grid.length,
      courtyards: levels.courtyard.length,
      buildings: levels.building.length,
    };
  });
  log(`  grown in ${grown.seconds.toFixed(1)} s`);
  // VACUUM as well as ANALYZE: the steady state of a table (visibility map set, so that counts can be
  // index-only), and no autovacuum of 500,000 fresh rows running in the middle of the measurements.
  const vacuumed = await timed(() => sql`VACUUM (ANALYZE) units`.execute(db));
  log(`  VACUUM ANALYZE in ${vacuumed.seconds.toFixed(1)} s`);

  const { rows: size } = await sql<{ units: number; table: string; indexes: string }>`
    SELECT (SELECT count(*)::int FROM units) AS units,
           pg_size_pretty(pg_table_size('units')) AS table,
           pg_size_pretty(pg_indexes_size('units')) AS indexes`.execute(db);
  return {
    officialUnits: imported.value.inserted,
    villages: villages.length,
    importSeconds: round(imported.seconds),
    grids: grown.value.grids,
    courtyards: grown.value.courtyards,
    buildings: grown.value.buildings,
    growSeconds: round(grown.seconds),
    growRowsPerSecond: Math.round(LOCAL_UNITS / grown.seconds),
    vacuumAnalyzeSeconds: round(vacuumed.seconds),
    units: size[0].units,
    tableSize: size[0].table,
    indexSize: size[0].indexes,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

async function queries(ctx: BenchContext): Promise<Timing[]> {
  const { db, log } = ctx;
  const quick = (o: MeasureOptions): MeasureOptions =>
    ctx.quick ? { warmup: 3, runs: Math.ceil((o.runs ?? 200) / 10), minRuns: 5, maxSeconds: 2 } : o;
  const POINT: MeasureOptions = { warmup: 20, runs: 200, maxSeconds: 10 };
  const HEAVY: MeasureOptions = { warmup: 5, runs: 50, maxSeconds: 10, minRuns: 10 };

  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', '410000')
    .executeTakeFirstOrThrow();
  const admin = new Scope([{ id: '0', role: 'system_admin', unitId: root.id, unitPath: root.path }]);

  // The street (街道/乡镇) with the most units below it, and the county with the most children.
  const {
    rows: [street],
  } = await sql<{ id: string; code: string; name: string; path: string; n: number }>`
    WITH t AS (
      SELECT split_part(path, '.', 4) AS code, count(*)::int AS n FROM units WHERE depth >= 3 GROUP BY 1
      ORDER BY 2 DESC, 1 LIMIT 1)
    SELECT u.id, u.code, u.name, u.path, t.n FROM t JOIN units u ON u.code = t.code`.execute(db);
  const {
    rows: [county],
  } = await sql<{ code: string; name: string; n: number }>`
    SELECT p.code, p.name, count(*)::int AS n FROM units c JOIN units p ON p.id = c.parent_id
    WHERE p.kind = 'county' GROUP BY p.code, p.name ORDER BY 3 DESC, 1 LIMIT 1`.execute(db);
  // A city late in path order: a subtree whose first page the path index reaches only after walking
  // everything before it, if the plan walks the index in order (驻马店市, the last full city of Henan).
  const city = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path'])
    .where('code', '=', LATE_CITY)
    .executeTakeFirstOrThrow();
  const { rows: buildings } = await sql<{ code: string }>`
    SELECT code FROM units WHERE kind = 'building' ORDER BY md5(code) LIMIT 500`.execute(db);
  log(
    `street: ${street.name} ${street.code} (${street.n} units in its subtree); county: ${county.name} ${county.code} (${county.n} children)`,
  );

  // The subtree of the street through the scope helper, as any place-bound list filters (DESIGN rule 1).
  const streetScope = new Scope([
    { id: '0', role: 'system_admin', unitId: street.id, unitPath: street.path },
  ]);
  const inStreet = () => streetScope.where('u.path', 'org.read');
  const cityScope = new Scope([{ id: '0', role: 'system_admin', unitId: city.id, unitPath: city.path }]);
  const inCity = () => cityScope.where('u.path', 'org.read');
  const page = (where: ReturnType<Scope['where']>) =>
    db
      .selectFrom('units as u')
      .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.path', 'u.depth', 'u.region_code', 'u.parent_id'])
      .where(where)
      .orderBy('u.path')
      .limit(100);
  const SLOW: MeasureOptions = { warmup: 3, runs: 30, maxSeconds: 8, minRuns: 10 };

  const ops: { key: string; label: string; op: Operation; opts: MeasureOptions }[] = [
    {
      key: 'tree.subtree.count',
      label: `subtree of a street: count (${street.name})`,
      op: async () =>
        (
          await db
            .selectFrom('units as u')
            .select(sql<number>`count(*)::int`.as('n'))
            .where(inStreet())
            .executeTakeFirstOrThrow()
        ).n,
      opts: POINT,
    },
    {
      key: 'tree.subtree.page',
      label: 'subtree of a street: first page (100 by path)',
      op: async () => (await page(inStreet()).execute()).length,
      opts: POINT,
    },
    {
      key: 'tree.subtree.city.count',
      label: `subtree of a city: count (${city.name}, late in path order)`,
      op: async () =>
        (
          await db
            .selectFrom('units as u')
            .select(sql<number>`count(*)::int`.as('n'))
            .where(inCity())
            .executeTakeFirstOrThrow()
        ).n,
      opts: HEAVY,
    },
    {
      key: 'tree.subtree.city.page',
      label: 'subtree of a city: first page (100 by path)',
      op: async () => (await page(inCity()).execute()).length,
      opts: SLOW,
    },
    {
      // Not the app's code: the same page with the subtree as one range (path >= p AND path < p||'/'),
      // which is the same set while labels hold no character below '/'; kept to show what it would change.
      key: 'tree.subtree.city.page.single_range',
      label: "  same page, one range path >= p AND < p||'/' (not app code)",
      op: async () =>
        (await page(sql<boolean>`(u.path >= ${city.path} AND u.path < ${`${city.path}/`})`).execute()).length,
      opts: POINT,
    },
    {
      key: 'tree.ancestors',
      label: 'a building with its ancestors (getUnit)',
      op: async (i) => {
        const u = await getUnit(db, admin, buildings[i % buildings.length].code);
        return u.ancestors.length + 1;
      },
      opts: POINT,
    },
    {
      key: 'tree.search.initials',
      label: "search pinyin initials 'smh' (searchUnits)",
      op: async () => (await searchUnits(db, admin, 'smh', 20)).items.length,
      opts: POINT,
    },
    {
      key: 'tree.search.name',
      label: "search name fragment '民航' (searchUnits)",
      op: async () => (await searchUnits(db, admin, '民航', 20)).items.length,
      opts: HEAVY,
    },
    {
      key: 'tree.search.name3',
      label: "search name fragment '省民航' (searchUnits)",
      op: async () => (await searchUnits(db, admin, '省民航', 20)).items.length,
      opts: HEAVY,
    },
    {
      key: 'tree.search.code',
      label: "search code prefix '410105002' (searchUnits)",
      op: async () => (await searchUnits(db, admin, '410105002', 20)).items.length,
      opts: POINT,
    },
    {
      key: 'tree.children',
      label: `children of a county (listChildren, ${county.name})`,
      op: async () => (await listChildren(db, admin, county.code, undefined, 100)).items.length,
      opts: POINT,
    },
  ];

  const results: Timing[] = [];
  for (const { key, label, op, opts } of ops) {
    log(`measuring ${label} …`);
    results.push(await measure(key, label, op, quick(opts)));
    if (ctx.explain) log(`${label}\n${await explainOperation(db, () => op(0))}`);
  }
  return results;
}

export const treeSuite: Suite = {
  name: 'tree',
  title: 'Jurisdiction tree: Henan (52,378 villages) + 500,000 grids, courtyards and buildings',
  setup: grow,
  run: queries,
};
