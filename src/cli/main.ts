import { Command } from 'commander';
import { pickLocale, translate } from '../domain/i18n/messages';
import { loadConfig } from '../server/config';
import { AppError } from '../server/platform/errors';

// The `wangge` command. Each command opens the same database as the server (reusing a running
// embedded PostgreSQL, or starting it for the command's duration).
const program = new Command('wangge').description(
  'Wangge 网格防控 — grid-based epidemic prevention and control',
);

program
  .command('start')
  .description('start the server (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    const { startServer } = await import('../server/main');
    await startServer(loadConfig());
  });

const divisions = program
  .command('divisions')
  .description('official divisions (GB/T 2260 and the statistical division codes)');
divisions
  .command('import')
  .description('import the official divisions of a province or a city, idempotently')
  .requiredOption('--province <code>', 'province code, e.g. 41 (Henan)')
  .option('--city <code>', 'only this city, e.g. 4101 (Zhengzhou)')
  .action(async (opts: { province: string; city?: string }) => {
    const { withDatabase } = await import('./withDatabase');
    const { importDivisions } = await import('../server/modules/org/divisions');
    await withDatabase(async ({ db }) => {
      const started = Date.now();
      const r = await importDivisions(db, { province: opts.province, city: opts.city });
      console.log(
        `divisions ${opts.city ?? opts.province}: ${r.villages} villages and communities; ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged (${Date.now() - started} ms)`,
      );
    });
  });

const demo = program.command('demo').description('the demo city');
demo
  .command('seed')
  .description(
    'seed the demo city (grids, courtyards, buildings, facilities, a user for every role, a ledger)',
  )
  .option('--residents <n>', 'residents to add to the ledger of the demo communities (or of --within)')
  .option(
    '--within <codes>',
    'comma-separated unit codes whose buildings get the residents (buildings are added when short)',
  )
  .action(async (opts: { residents?: string; within?: string }) => {
    const { withDatabase } = await import('./withDatabase');
    const { seedDemo, DEMO_PASSWORD, DEMO_LEDGER_UNITS } = await import('../server/setup/demo');
    const { seedDemoLedger, analyseLedger } = await import('../server/setup/demoLedger');
    const { cliActor } = await import('./cliActor');
    await withDatabase(async (services) => {
      const residents = Number(opts.residents ?? 0);
      const r = await seedDemo(services, undefined, residents > 0 && !opts.within ? residents : undefined);
      console.log(
        r.seeded
          ? `demo city seeded: ${r.units} grids, courtyards and buildings; ${r.ledger?.households ?? 0} households, ${r.ledger?.residents ?? 0} residents`
          : 'the demo city was already seeded',
      );
      console.log(`demo users (password ${DEMO_PASSWORD}): ${r.users.map((u) => u.username).join(', ')}`);
      if (residents > 0 && (!r.seeded || opts.within)) {
        const within = opts.within ? opts.within.split(',') : DEMO_LEDGER_UNITS;
        const started = Date.now();
        const l = await seedDemoLedger(services, await cliActor(services, within[0]), {
          residents,
          within,
          onProgress: (p) => process.stdout.write(`\r${p.residents} residents…`),
        });
        await analyseLedger(services.db);
        console.log(
          l.seeded
            ? `\nledger: ${l.households} households, ${l.residents} residents, ${l.buildingsCreated} buildings added (${Math.round((Date.now() - started) / 1000)} s)`
            : 'ledger: nothing added',
        );
      }
    });
  });

const importCommand = program.command('import').description('import sheets');
importCommand
  .command('ledger <file>')
  .description(
    'import a household ledger sheet (.xlsx, .xls, .et or .csv) into a community, grid, courtyard or building',
  )
  .requiredOption('--unit <code>', 'the unit the households go into, e.g. 410105002008 (省民航社区)')
  .option('--dry-run', 'check the sheet and report, write nothing')
  .option('--json', 'print one JSON object: rows, accepted, skipped, rejected[], households, residents')
  .option('--all-or-nothing', 'import nothing unless every row is valid (default: import the valid rows)')
  .option(
    '--update-existing',
    'update residents already in the ledger (same ID number, same door) instead of refusing them',
  )
  .option('--lang <locale>', 'language of the messages: zh-CN or en', 'zh-CN')
  .action(
    async (
      file: string,
      opts: {
        unit: string;
        dryRun?: boolean;
        json?: boolean;
        allOrNothing?: boolean;
        updateExisting?: boolean;
        lang: string;
      },
    ) => {
      const { withDatabase } = await import('./withDatabase');
      const { importLedgerFile } = await import('./importLedger');
      const code = await withDatabase((services) =>
        importLedgerFile(services, file, {
          unit: opts.unit,
          dryRun: opts.dryRun,
          json: opts.json,
          mode: opts.allOrNothing ? 'all' : 'valid',
          updateExisting: opts.updateExisting,
          lang: opts.lang === 'en' ? 'en' : 'zh-CN',
        }),
      );
      // the report's verdict is the exit code
      process.exit(code);
    },
  );

const user = program.command('user').description('users');
user
  .command('add <username>')
  .description('add a user with a role on a unit')
  .requiredOption(
    '--password <password>',
    'initial password (8+ characters with letters and digits, not a common one, not holding the username)',
  )
  .requiredOption(
    '--role <role>',
    'system_admin, command, unit_admin, grid_worker, building_leader, checkpoint_staff, sampler, volunteer',
  )
  .requiredOption('--unit <code>', 'the unit the role is granted on (and the user belongs to)')
  .option('--name <displayName>', 'display name')
  .option('--phone <phone>', 'mobile number')
  .action(
    async (
      username: string,
      opts: { password: string; role: string; unit: string; name?: string; phone?: string },
    ) => {
      const { withDatabase } = await import('./withDatabase');
      const { addUser } = await import('./addUser');
      await withDatabase((services) => addUser(services, { username, ...opts }));
    },
  );

program.parseAsync().catch((e: unknown) => {
  const message =
    e instanceof AppError
      ? translate(pickLocale(process.env.WANGGE_LANG, process.env.LANG), e.key, e.params)
      : e instanceof Error
        ? e.message
        : String(e);
  console.error(`wangge: ${message}`);
  process.exit(1);
});
