import type { BuildingTile } from '../../../http/ledger';

// The building view's grid: for each building and entrance (单元), floors from the top down, and the
// doors of a floor in columns by their position (302 and 402 stand in the same column, as on the wall).

export interface FloorRow {
  /** 0: doors whose number says no floor (a bungalow, '东2号') */
  floor: number;
  cells: (BuildingTile | null)[];
}

export interface EntranceGrid {
  entrance: string;
  columns: number;
  rows: FloorRow[];
}

export interface BuildingGrid {
  unit: BuildingTile['unit'];
  entrances: EntranceGrid[];
}

function position(h: BuildingTile): number | undefined {
  if (h.floor <= 0) return undefined;
  const m = /(\d{3,4})(?!.*\d)/.exec(h.door);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.floor(n / 100) === h.floor ? n % 100 : undefined;
}

function byText(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

export function entranceGrid(entrance: string, tiles: BuildingTile[]): EntranceGrid {
  const positions = new Set<number>();
  for (const h of tiles) {
    const p = position(h);
    if (p !== undefined) positions.add(p);
  }
  const cols = [...positions].sort((a, b) => a - b);
  const colOf = new Map(cols.map((p, i) => [p, i]));
  const floors = new Map<number, BuildingTile[]>();
  for (const h of tiles) floors.set(h.floor, [...(floors.get(h.floor) ?? []), h]);
  const rows: FloorRow[] = [];
  let width = cols.length;
  // every floor from the top down to the first, as on the wall sheet (a floor without households shows empty)
  const top = Math.max(0, ...floors.keys());
  const numbered = Array.from({ length: top }, (_, i) => top - i);
  const ordered = floors.has(0) ? [...numbered, 0] : numbered;
  for (const floor of ordered) {
    const doors = (floors.get(floor) ?? []).sort((a, b) => byText(a.door, b.door));
    if (floor === 0) {
      width = Math.max(width, doors.length);
      rows.push({ floor, cells: doors });
      continue;
    }
    const cells: (BuildingTile | null)[] = new Array(cols.length).fill(null);
    const extra: BuildingTile[] = [];
    for (const h of doors) {
      const p = position(h);
      const c = p === undefined ? undefined : colOf.get(p);
      if (c !== undefined && cells[c] === null) cells[c] = h;
      else extra.push(h);
    }
    const row = [...cells, ...extra];
    width = Math.max(width, row.length);
    rows.push({ floor, cells: row });
  }
  return { entrance, columns: width, rows };
}

/** Tiles grouped by building (a courtyard's view holds several), then entrance. */
export function buildingGrids(tiles: BuildingTile[]): BuildingGrid[] {
  const byUnit = new Map<string, BuildingTile[]>();
  for (const h of tiles) byUnit.set(h.unit.code, [...(byUnit.get(h.unit.code) ?? []), h]);
  return [...byUnit.values()].map((list) => {
    const byEntrance = new Map<string, BuildingTile[]>();
    for (const h of list) byEntrance.set(h.entrance, [...(byEntrance.get(h.entrance) ?? []), h]);
    return {
      unit: list[0].unit,
      entrances: [...byEntrance.keys()].sort(byText).map((e) => entranceGrid(e, byEntrance.get(e) ?? [])),
    };
  });
}
