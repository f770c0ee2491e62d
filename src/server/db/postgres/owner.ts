import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive } from './postmaster';

// Which process answers for stopping a data directory's embedded PostgreSQL (<data>/pg-owner): the one
// that started it; or a server that found it running with nobody alive answering for it (its starter
// was killed) or started by a command beside it. The others use it and leave it running.

const FILE = 'pg-owner';

function livePid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return pid && pid !== process.pid && pidAlive(pid) ? pid : undefined;
}

/**
 * The pid of another live process answering for it, if any: the one named in pg-owner, or else a
 * server running on the data directory (server.pid; a server of an earlier version wrote no pg-owner).
 */
export function ownerOf(dataDir: string): number | undefined {
  return livePid(join(dataDir, FILE)) ?? livePid(join(dataDir, 'server.pid'));
}

export function claim(dataDir: string): void {
  writeFileSync(join(dataDir, FILE), String(process.pid), { mode: 0o600 });
}

export function holds(dataDir: string): boolean {
  try {
    return readFileSync(join(dataDir, FILE), 'utf8') === String(process.pid);
  } catch {
    return false;
  }
}

export function release(dataDir: string): void {
  if (holds(dataDir)) unlinkSync(join(dataDir, FILE));
}
