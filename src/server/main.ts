import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { openDatabase } from './database';
import { recordedHome } from './db/postgres/home';
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

/** Listens, or says in one line what to do about the address. */
async function listen(app: Awaited<ReturnType<typeof buildApp>>, port: number, host: string) {
  try {
    await app.listen({ port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} is in use: set PORT to a free port`);
    if (code === 'EACCES')
      throw new Error(`port ${port} needs privileges this process lacks: set PORT above 1023`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new Error(`HOST ${host} is not an address of this machine: set HOST`);
    throw e;
  }
}

export async function startServer(config: Config = loadConfig()) {
  const say = (msg: string) => console.log(`[wangge] ${msg}`);
  // What this start has started, stopped in reverse order: at Ctrl-C or SIGTERM, and when the start
  // fails (nothing is left running, the embedded PostgreSQL included).
  const started: (() => unknown)[] = [];
  const stopStarted = async () => {
    for (let undo = started.pop(); undo; undo = started.pop()) await undo();
  };
  let stopping: Promise<never> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      say(`${signal}: stopping`);
      await stopStarted();
      say('stopped');
      process.exit(0);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof buildApp>>;
  let setup: Awaited<ReturnType<typeof firstStart>>;
  let demoOpen: string[];
  let host: string;
  try {
    await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    if (!config.databaseUrl) started.push(lockDataDir(config.dataDir));
    // A server stops the embedded PostgreSQL it finds running when nobody else answers for it.
    const database = await openDatabase(config, say, { takeOver: true });
    started.push(() => database.close().catch((e) => say(`while stopping the database: ${String(e)}`)));
    const events = await createEvents(database.url, say);
    started.push(() => events.close());
    const services: Services = { db: database.db, protector: database.protector, events, config };
    setup = await firstStart(services, config, say);
    app = await buildApp(services, { logger: { level: config.logLevel } });
    started.push(() => app.close().catch(() => {}));
    started.push(scheduleRecheck(services, say));
    started.push(scheduleDutyAlerts(services, say));
    // Whether or not this start is in demo mode: demo users with the published password are a way in,
    // so a demo listens on this machine only unless HOST says otherwise.
    demoOpen = await demoPasswordUsers(database.db);
    host = config.host ?? (config.demo || demoOpen.length ? '127.0.0.1' : '0.0.0.0');
    await listen(app, config.port, host);
  } catch (e) {
    if (stopping) return stopping; // a signal came during the start: its stop ends the process
    await stopStarted();
    throw e;
  }

  const url = `http://localhost:${config.port}`;
  say(`Wangge 网格防控 is running at ${url} (phones: ${url}/field; API docs: ${url}/api/docs)`);
  if (!config.host && host === '127.0.0.1') {
    say(
      'listening on 127.0.0.1 only, as a demo whose users share a published password: set HOST=0.0.0.0 to serve other machines',
    );
  }
  say(
    config.databaseUrl
      ? 'database: DATABASE_URL'
      : `database: embedded PostgreSQL in ${recordedHome(config.dataDir).pgDir}`,
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
