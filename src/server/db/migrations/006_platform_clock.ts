import { type Kysely, sql } from 'kysely';

// The platform clock in SQL (platform/clock.ts in TypeScript): rows stamped by a column default follow
// the day the platform lives on. A deployment lives today and platform_now() is now(); a demonstration
// or a training replays a day (WANGGE_TODAY, the demo city's 2020-02-05), which reaches each connection
// as the setting `wangge.today` (db/connection.ts), and platform_now() is that day at the real time of
// day in Asia/Shanghai, as the platform clock reads it (domain/time/clock.ts, replayedNow).
// The household history and the screening visits are stamped so; the audit log keeps the true time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION platform_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
      SELECT CASE
        WHEN coalesce(current_setting('wangge.today', true), '') = '' THEN now()
        ELSE (current_setting('wangge.today')::date + (now() AT TIME ZONE 'Asia/Shanghai')::time)
             AT TIME ZONE 'Asia/Shanghai'
      END
    $$`.execute(db);
  await sql`ALTER TABLE household_history ALTER COLUMN at SET DEFAULT platform_now()`.execute(db);
  await sql`ALTER TABLE screening_visits ALTER COLUMN visited_at SET DEFAULT platform_now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE screening_visits ALTER COLUMN visited_at SET DEFAULT now()`.execute(db);
  await sql`ALTER TABLE household_history ALTER COLUMN at SET DEFAULT now()`.execute(db);
  await sql`DROP FUNCTION platform_now()`.execute(db);
}
