import { type Kysely, sql } from 'kysely';

// Duty (call-ups, rosters): an assignment taken off the roster by hand is deleted, and its history stays
// in duty_events (which carry the shift and the person themselves): the events' link to the assignment
// becomes NULL instead of blocking the delete. Both foreign-key checks need an index on the referencing
// column, or every delete scans the events (one row per assignment, tens of thousands a fortnight).
// The auto-scheduler asks, per person, whether they came through a call-up: an index on the person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE duty_events DROP CONSTRAINT duty_events_assignment_id_fkey`.execute(db);
  await sql`
    ALTER TABLE duty_events ADD CONSTRAINT duty_events_assignment_id_fkey
      FOREIGN KEY (assignment_id) REFERENCES duty_assignments(id) ON DELETE SET NULL`.execute(db);
  await sql`CREATE INDEX duty_events_assignment_idx ON duty_events (assignment_id)`.execute(db);
  await sql`CREATE INDEX callup_signups_person_idx ON callup_signups (person_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS callup_signups_person_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS duty_events_assignment_idx`.execute(db);
  await sql`ALTER TABLE duty_events DROP CONSTRAINT duty_events_assignment_id_fkey`.execute(db);
  await sql`
    ALTER TABLE duty_events ADD CONSTRAINT duty_events_assignment_id_fkey
      FOREIGN KEY (assignment_id) REFERENCES duty_assignments(id)`.execute(db);
}
