import { type Kysely, sql } from 'kysely';

// Forces (力量): the people who serve, how they are organised, who answers for which unit, call-ups,
// shift rosters and duty. Every place-bound row carries the path of its unit (DESIGN rule 1); status
// changes are rows in duty_events or kept with who/when beside the state (rule 2).
export async function up(db: Kysely<unknown>): Promise<void> {
  // One registry of people who serve: sent-down cadres (下沉干部), party members reporting to their
  // residential community (双报到), volunteers. A person may be all three, a resident in the ledger and a user.
  // unit: where the person serves and is managed (the unit sent down to, the community reported to, the
  // unit a volunteer signed up with). Phones and ID numbers are protected as rule 3 says.
  await sql`
    CREATE TABLE people (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id         bigint NOT NULL REFERENCES units(id),
      unit_path       text COLLATE "C" NOT NULL,
      name            text NOT NULL,
      sex             text CHECK (sex IN ('M','F')),
      birth_date      date,
      phone_enc       bytea,
      phone_hmac      bytea,
      phone_masked    text,
      id_enc          bytea,
      id_hmac         bytea,
      id_masked       text,
      is_cadre        boolean NOT NULL DEFAULT false,
      is_party_member boolean NOT NULL DEFAULT false,
      is_volunteer    boolean NOT NULL DEFAULT false,
      home_work_unit  text,            -- 原单位: the cadre's own work unit
      sent_down_on    date,            -- 下沉: the day the cadre arrived
      party_branch    text,            -- the branch the member's membership belongs to (组织关系)
      reported_on     date,            -- 双报到: the day the member reported to the community
      skills          text[] NOT NULL DEFAULT '{}',
      availability    jsonb NOT NULL DEFAULT '{}'::jsonb,
      resident_key    text,            -- the ledger's <region>-<id> when the person lives in the ledger
      user_id         bigint UNIQUE REFERENCES users(id),
      status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active','left')),
      notes           text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX people_path_idx ON people (unit_path, id)`.execute(db);
  await sql`CREATE INDEX people_phone_idx ON people (phone_hmac) WHERE phone_hmac IS NOT NULL`.execute(db);
  await sql`CREATE INDEX people_id_idx ON people (id_hmac) WHERE id_hmac IS NOT NULL`.execute(db);

  // Training passed (on-site training signed off before the first duty, 上岗培训).
  await sql`
    CREATE TABLE person_trainings (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id  bigint NOT NULL REFERENCES people(id),
      training   text NOT NULL,
      passed_on  date NOT NULL,
      signed_by  bigint REFERENCES users(id),
      callup_id  bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX person_trainings_person_idx ON person_trainings (person_id)`.execute(db);

  // Applications to join the party (入党申请书), commendations (表彰), and proposals for the two lists
  // (两个名单: outstanding / underperforming) with their evidence (duty hours, tasks).
  await sql`
    CREATE TABLE person_records (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id   bigint NOT NULL REFERENCES people(id),
      unit_path   text COLLATE "C" NOT NULL,
      kind        text NOT NULL CHECK (kind IN ('party_application','commendation','outstanding','underperforming')),
      on_date     date NOT NULL,
      title       text NOT NULL,
      evidence    jsonb NOT NULL DEFAULT '{}'::jsonb,
      status      text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','approved','rejected')),
      decided_by  bigint REFERENCES users(id),
      decided_at  timestamptz,
      created_by  bigint REFERENCES users(id),
      created_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX person_records_path_idx ON person_records (unit_path, kind)`.execute(db);
  await sql`CREATE INDEX person_records_person_idx ON person_records (person_id)`.execute(db);

  // Organisation: temporary party branches (临时党支部), commando teams (党员突击队), volunteer service teams,
  // persuasion teams (劝导队), disinfection squads, pioneer posts (党员先锋岗), responsibility zones
  // (党员责任区) and any kind a deployment defines, set up at a unit or a facility.
  await sql`
    CREATE TABLE force_groups (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id      bigint NOT NULL REFERENCES units(id),
      unit_path    text COLLATE "C" NOT NULL,
      facility_id  bigint REFERENCES facilities(id),
      parent_id    bigint REFERENCES force_groups(id),
      kind         text NOT NULL,
      name         text NOT NULL,
      set_up_on    date NOT NULL,
      dissolved_on date,
      notes        text,
      created_by   bigint REFERENCES users(id),
      created_at   timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX force_groups_path_idx ON force_groups (unit_path, id)`.execute(db);
  await sql`
    CREATE TABLE force_group_members (
      id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      group_id  bigint NOT NULL REFERENCES force_groups(id),
      person_id bigint NOT NULL REFERENCES people(id),
      role      text NOT NULL CHECK (role IN ('secretary','deputy','leader','member')),
      joined_on date NOT NULL,
      left_on   date
    )`.execute(db);
  await sql`CREATE INDEX force_group_members_group_idx ON force_group_members (group_id)`.execute(db);
  await sql`CREATE INDEX force_group_members_person_idx ON force_group_members (person_id)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX force_group_members_current ON force_group_members (group_id, person_id)
      WHERE left_on IS NULL`.execute(db);

  // Responsibility (包保): a person answerable for a unit. Ended by setting until, never deleted.
  await sql`
    CREATE TABLE responsibilities (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id    bigint NOT NULL REFERENCES units(id),
      unit_path  text COLLATE "C" NOT NULL,
      person_id  bigint NOT NULL REFERENCES people(id),
      duty       text NOT NULL,
      since      date NOT NULL,
      until      date,
      created_by bigint REFERENCES users(id),
      ended_by   bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX responsibilities_path_idx ON responsibilities (unit_path) WHERE until IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX responsibilities_person_idx ON responsibilities (person_id)`.execute(db);

  // Call-ups (招募令): places per facility, dates, the shift pattern, requirements; a token for the
  // public sign-up link and QR code.
  await sql`
    CREATE TABLE callups (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id      bigint NOT NULL REFERENCES units(id),
      unit_path    text COLLATE "C" NOT NULL,
      title        text NOT NULL,
      description  text,
      requirements jsonb NOT NULL DEFAULT '{}'::jsonb,
      starts_on    date NOT NULL,
      ends_on      date,
      pattern      jsonb NOT NULL,
      token        text NOT NULL UNIQUE,
      status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      created_by   bigint REFERENCES users(id),
      created_at   timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX callups_path_idx ON callups (unit_path, id)`.execute(db);
  await sql`
    CREATE TABLE callup_places (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      callup_id   bigint NOT NULL REFERENCES callups(id),
      facility_id bigint NOT NULL REFERENCES facilities(id),
      needed      integer NOT NULL CHECK (needed > 0),
      UNIQUE (callup_id, facility_id)
    )`.execute(db);
  await sql`
    CREATE TABLE callup_signups (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      callup_id     bigint NOT NULL REFERENCES callups(id),
      person_id     bigint NOT NULL REFERENCES people(id),
      facility_id   bigint REFERENCES facilities(id),
      client_id     uuid NOT NULL,
      status        text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','approved','rejected','withdrawn')),
      applied_at    timestamptz NOT NULL DEFAULT now(),
      decided_by    bigint REFERENCES users(id),
      decided_at    timestamptz,
      trained_at    timestamptz,
      trained_by    bigint REFERENCES users(id),
      badge_no      text,
      gear_issued_at timestamptz,
      meals         boolean NOT NULL DEFAULT false,
      UNIQUE (callup_id, person_id),
      UNIQUE (callup_id, client_id)
    )`.execute(db);
  await sql`CREATE INDEX callup_signups_callup_idx ON callup_signups (callup_id, status)`.execute(db);

  // Shift patterns per facility (两班, 三班倒, 四班运转) with the staffing each shift needs.
  await sql`
    CREATE TABLE shift_patterns (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      facility_id bigint NOT NULL UNIQUE REFERENCES facilities(id),
      unit_path   text COLLATE "C" NOT NULL,
      name        text NOT NULL,
      shifts      jsonb NOT NULL,
      updated_by  bigint REFERENCES users(id),
      updated_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // The roster: one row per shift of a facility, with the people on it.
  await sql`
    CREATE TABLE duty_shifts (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      facility_id  bigint NOT NULL REFERENCES facilities(id),
      unit_path    text COLLATE "C" NOT NULL,
      day          date NOT NULL,            -- the reporting day in Asia/Shanghai
      label        text NOT NULL,
      starts_at    timestamptz NOT NULL,
      ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
      needs        jsonb NOT NULL DEFAULT '[]'::jsonb,
      headcount    integer NOT NULL CHECK (headcount >= 0),
      published_at timestamptz,
      UNIQUE (facility_id, starts_at)
    )`.execute(db);
  await sql`CREATE INDEX duty_shifts_path_idx ON duty_shifts (unit_path, day)`.execute(db);
  await sql`
    CREATE TABLE duty_assignments (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      shift_id        bigint NOT NULL REFERENCES duty_shifts(id),
      person_id       bigint NOT NULL REFERENCES people(id),
      unit_path       text COLLATE "C" NOT NULL,
      skill           text,
      source          text NOT NULL CHECK (source IN ('auto','manual')),
      checked_in_at   timestamptz,
      checked_out_at  timestamptz,
      check_in_client uuid,
      created_at      timestamptz NOT NULL DEFAULT now(),
      UNIQUE (shift_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX duty_assignments_person_idx ON duty_assignments (person_id)`.execute(db);
  await sql`CREATE INDEX duty_assignments_path_idx ON duty_assignments (unit_path)`.execute(db);

  // What happened to assignments: assigned, swapped, removed, checked in, checked out. Append-only.
  await sql`
    CREATE TABLE duty_events (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      assignment_id bigint REFERENCES duty_assignments(id),
      shift_id      bigint NOT NULL REFERENCES duty_shifts(id),
      unit_path     text COLLATE "C" NOT NULL,
      kind          text NOT NULL,
      person_id     bigint REFERENCES people(id),
      other_person_id bigint REFERENCES people(id),
      by_user       bigint REFERENCES users(id),
      at            timestamptz NOT NULL DEFAULT now(),
      detail        jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX duty_events_shift_idx ON duty_events (shift_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'duty_events',
    'duty_assignments',
    'duty_shifts',
    'shift_patterns',
    'callup_signups',
    'callup_places',
    'callups',
    'responsibilities',
    'force_group_members',
    'force_groups',
    'person_records',
    'person_trainings',
    'people',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
