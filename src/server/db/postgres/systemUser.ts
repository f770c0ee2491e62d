import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

// PostgreSQL refuses to run as root: a root process runs it as the `postgres` system user, created
// when missing. Any other user runs it as itself (`undefined`).

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(
      execFileSync('id', [flag, NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  } catch {
    return undefined;
  }
}

export function postgresRunsAs(): SystemUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  if (idOf('-u') === undefined) {
    try {
      execFileSync(
        'useradd',
        ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', NAME],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    } catch (e) {
      const reason = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message)
        .trim()
        .split('\n')[0];
      throw new Error(
        `PostgreSQL cannot run as root, and the system user 'postgres' could not be created (${reason}): create it (useradd --system postgres), or start Wangge as another user`,
      );
    }
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined)
    throw new Error("the system user 'postgres' has no uid: check /etc/passwd");
  return { name: NAME, uid, gid };
}
