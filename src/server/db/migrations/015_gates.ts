import { type Kysely, sql } from 'kysely';

// Courtyard gates (小区门岗): docs/architecture.md, "Courtyard gates".
// A gate belongs to a unit (a courtyard, or a community) and has the deployment's rule (persons per
// household every N days); passes (出入证) are issued per household of the ledger, each with a random
// token printed as a QR code; every scan at the gate (out or in, allowed or refused) is a row with the
// phone's client UUID (DESIGN rule 4); visitors are registered by real name (DESIGN rule 3 for the ID
// number and phone). Who is still out is a table of its own (a row per resident out, removed when they
// come back in), and the counts are kept by statement triggers as ledger_counts is: per building and
// gate (people out now) and per gate and day (outs, ins, refusals, visitors), each statement touching
// its counter rows once, in the order of their key.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE gates (
      id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id               bigint NOT NULL REFERENCES units(id),
      unit_path             text COLLATE "C" NOT NULL,
      name                  text NOT NULL,
      persons_per_household smallint NOT NULL DEFAULT 1 CHECK (persons_per_household BETWEEN 1 AND 20),
      every_days            smallint NOT NULL DEFAULT 2 CHECK (every_days BETWEEN 1 AND 30),
      status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
      created_by            bigint REFERENCES users(id),
      created_at            timestamptz NOT NULL DEFAULT now(),
      updated_by            bigint REFERENCES users(id),
      updated_at            timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX gates_path_idx ON gates (unit_path)`.execute(db);
  await sql`CREATE UNIQUE INDEX gates_unit_name_uq ON gates (unit_id, name) WHERE status = 'active'`.execute(
    db,
  );

  // One active pass per household and gate; the token is what the QR code carries.
  await sql`
    CREATE TABLE gate_passes (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      gate_id       bigint NOT NULL REFERENCES gates(id),
      region_code   text NOT NULL,
      household_id  bigint NOT NULL,
      unit_path     text COLLATE "C" NOT NULL,
      building      text NOT NULL DEFAULT '',
      door          text NOT NULL DEFAULT '',
      token         text NOT NULL,
      status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active','revoked')),
      issued_by     bigint REFERENCES users(id),
      issued_at     timestamptz NOT NULL DEFAULT platform_now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX gate_passes_token_key ON gate_passes (token)`.execute(db);
  await sql`CREATE UNIQUE INDEX gate_passes_household_uq ON gate_passes (gate_id, region_code, household_id) WHERE status = 'active'`.execute(
    db,
  );
  await sql`CREATE INDEX gate_passes_place_idx ON gate_passes (gate_id, unit_path, door)`.execute(db);

  // Exemptions from the rule (a 复工 work certificate: the holder goes out daily), per resident.
  await sql`
    CREATE TABLE gate_exemptions (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      gate_id       bigint NOT NULL REFERENCES gates(id),
      region_code   text NOT NULL,
      resident_id   bigint NOT NULL,
      household_id  bigint NOT NULL,
      unit_path     text COLLATE "C" NOT NULL,
      name          text NOT NULL,
      kind          text NOT NULL DEFAULT 'work_certificate' CHECK (kind IN ('work_certificate','other')),
      note          text NOT NULL DEFAULT '',
      until         date,
      created_by    bigint REFERENCES users(id),
      created_at    timestamptz NOT NULL DEFAULT now(),
      revoked_at    timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX gate_exemptions_resident_uq ON gate_exemptions (gate_id, region_code, resident_id) WHERE revoked_at IS NULL`.execute(
    db,
  );

  // Every scan: a resident out or in, allowed or refused (with the reason), made on a phone.
  await sql`
    CREATE TABLE gate_scans (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id     uuid NOT NULL,
      gate_id       bigint NOT NULL REFERENCES gates(id),
      gate_path     text COLLATE "C" NOT NULL,
      pass_id       bigint REFERENCES gate_passes(id),
      region_code   text NOT NULL,
      household_id  bigint NOT NULL,
      resident_id   bigint NOT NULL,
      unit_path     text COLLATE "C" NOT NULL,
      name          text NOT NULL,
      direction     text NOT NULL CHECK (direction IN ('out','in')),
      outcome       text NOT NULL CHECK (outcome IN ('allowed','refused')),
      exempt        boolean NOT NULL DEFAULT false,
      reason        jsonb,
      at            timestamptz NOT NULL DEFAULT platform_now(),
      day           date NOT NULL,
      scanned_by    bigint REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX gate_scans_client_id_key ON gate_scans (client_id)`.execute(db);
  await sql`CREATE INDEX gate_scans_household_idx ON gate_scans (gate_id, region_code, household_id, day)`.execute(
    db,
  );
  await sql`CREATE INDEX gate_scans_day_idx ON gate_scans (gate_id, day, at)`.execute(db);

  // Who is out now: one row per resident out through a gate, removed when they come back in.
  await sql`
    CREATE TABLE gate_out (
      gate_id       bigint NOT NULL REFERENCES gates(id),
      region_code   text NOT NULL,
      resident_id   bigint NOT NULL,
      household_id  bigint NOT NULL,
      unit_path     text COLLATE "C" NOT NULL,
      building      text NOT NULL DEFAULT '',
      door          text NOT NULL DEFAULT '',
      name          text NOT NULL,
      phone_masked  text,
      work_unit     text,
      out_at        timestamptz NOT NULL,
      scan_id       bigint NOT NULL,
      PRIMARY KEY (gate_id, region_code, resident_id)
    )`.execute(db);
  await sql`CREATE INDEX gate_out_place_idx ON gate_out (gate_id, unit_path, door, out_at)`.execute(db);

  // Visitors by real name, with the household they visit.
  await sql`
    CREATE TABLE gate_visitors (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id     uuid NOT NULL,
      gate_id       bigint NOT NULL REFERENCES gates(id),
      gate_path     text COLLATE "C" NOT NULL,
      region_code   text NOT NULL,
      household_id  bigint NOT NULL,
      unit_path     text COLLATE "C" NOT NULL,
      building      text NOT NULL DEFAULT '',
      door          text NOT NULL DEFAULT '',
      name          text NOT NULL,
      id_type       text NOT NULL DEFAULT 'resident_id',
      id_enc        bytea,
      id_hmac       bytea,
      id_masked     text,
      id_tail       text,
      phone_enc     bytea,
      phone_hmac    bytea,
      phone_masked  text,
      phone_tail    text,
      temperature_c numeric(3,1),
      reason        text NOT NULL DEFAULT '',
      at            timestamptz NOT NULL DEFAULT platform_now(),
      day           date NOT NULL,
      registered_by bigint REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX gate_visitors_client_id_key ON gate_visitors (client_id)`.execute(db);
  await sql`CREATE INDEX gate_visitors_day_idx ON gate_visitors (gate_id, day, at)`.execute(db);

  // People out now, per place (the household's unit: a building, or the courtyard) and gate. A level of
  // the tree sums its subtree's rows (one range of the primary key).
  await sql`
    CREATE TABLE gate_out_counts (
      unit_path text COLLATE "C" NOT NULL,
      gate_id   bigint NOT NULL,
      out_now   integer NOT NULL DEFAULT 0,
      PRIMARY KEY (unit_path, gate_id)
    )`.execute(db);
  await sql`
    CREATE FUNCTION gate_out_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO gate_out_counts AS c (unit_path, gate_id, out_now)
          SELECT n.unit_path, n.gate_id, count(*) FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (unit_path, gate_id) DO UPDATE SET out_now = c.out_now + EXCLUDED.out_now;
      ELSE
        INSERT INTO gate_out_counts AS c (unit_path, gate_id, out_now)
          SELECT o.unit_path, o.gate_id, -count(*) FROM old_rows o GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (unit_path, gate_id) DO UPDATE SET out_now = c.out_now + EXCLUDED.out_now;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER gate_out_counts_ins AFTER INSERT ON gate_out REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gate_out_counts_apply()`.execute(
    db,
  );
  await sql`CREATE TRIGGER gate_out_counts_del AFTER DELETE ON gate_out REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gate_out_counts_apply()`.execute(
    db,
  );

  // Per gate and day: residents out and in (allowed), refusals, visitors. A level sums its gates' rows.
  await sql`
    CREATE TABLE gate_day_counts (
      gate_path text COLLATE "C" NOT NULL,
      gate_id   bigint NOT NULL,
      day       date NOT NULL,
      outs      integer NOT NULL DEFAULT 0,
      ins       integer NOT NULL DEFAULT 0,
      refused   integer NOT NULL DEFAULT 0,
      visitors  integer NOT NULL DEFAULT 0,
      PRIMARY KEY (gate_path, gate_id, day)
    )`.execute(db);
  await sql`
    CREATE FUNCTION gate_scan_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO gate_day_counts AS c (gate_path, gate_id, day, outs, ins, refused)
        SELECT n.gate_path, n.gate_id, n.day,
               count(*) FILTER (WHERE n.outcome = 'allowed' AND n.direction = 'out'),
               count(*) FILTER (WHERE n.outcome = 'allowed' AND n.direction = 'in'),
               count(*) FILTER (WHERE n.outcome = 'refused')
        FROM new_rows n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (gate_path, gate_id, day) DO UPDATE
        SET outs = c.outs + EXCLUDED.outs, ins = c.ins + EXCLUDED.ins, refused = c.refused + EXCLUDED.refused;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER gate_scans_counts_ins AFTER INSERT ON gate_scans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gate_scan_counts_apply()`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION gate_visitor_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO gate_day_counts AS c (gate_path, gate_id, day, visitors)
        SELECT n.gate_path, n.gate_id, n.day, count(*) FROM new_rows n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (gate_path, gate_id, day) DO UPDATE SET visitors = c.visitors + EXCLUDED.visitors;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER gate_visitors_counts_ins AFTER INSERT ON gate_visitors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gate_visitor_counts_apply()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'gate_day_counts',
    'gate_out_counts',
    'gate_visitors',
    'gate_out',
    'gate_scans',
    'gate_exemptions',
    'gate_passes',
    'gates',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
  for (const f of ['gate_out_counts_apply', 'gate_scan_counts_apply', 'gate_visitor_counts_apply']) {
    await sql`DROP FUNCTION IF EXISTS ${sql.raw(f)}()`.execute(db);
  }
}
