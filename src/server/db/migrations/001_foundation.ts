import { type Kysely, sql } from 'kysely';

// The foundation: the jurisdiction tree (网格), facilities, users, role grants, sessions, the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // The distinct two-character pieces of a text: a two-character search (民航, 淮河) is the commonest
  // in Chinese and too short for trigrams, so it looks these up in a GIN index instead.
  await sql`
    CREATE FUNCTION text_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i
    $$`.execute(db);

  // One row per unit of the tree, official divisions (province … village/community) and the units a
  // community creates below itself (grid 网格, courtyard 小区/楼院, building 楼栋).
  // path: the materialised path of codes (DESIGN rule 1), compared byte-wise ("C") so that a subtree is
  // one btree range: path >= p AND path < p || '/' (see inSubtree in platform/scope.ts).
  await sql`
    CREATE TABLE units (
      id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code          text COLLATE "C" NOT NULL UNIQUE, -- "C": code-prefix search uses the index whatever the database collation
      parent_id     bigint REFERENCES units(id),
      kind          text NOT NULL CHECK (kind IN ('province','city','county','town','village','grid','courtyard','building')),
      name          text NOT NULL,
      official_name text,
      path          text COLLATE "C" NOT NULL UNIQUE,
      depth         smallint NOT NULL,
      region_code   text,
      initials      text NOT NULL DEFAULT '',
      search_text   text NOT NULL DEFAULT '',
      bigrams       text[] GENERATED ALWAYS AS (text_bigrams(search_text)) STORED,
      created_at    timestamptz NOT NULL DEFAULT now(),
      updated_at    timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX units_parent_idx ON units (parent_id, code)`.execute(db);
  await sql`CREATE INDEX units_search_trgm ON units USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX units_bigrams ON units USING gin (bigrams)`.execute(db);

  // Counters for the codes of units a community creates (410105002008G03, …B0012).
  await sql`
    CREATE TABLE unit_code_counters (
      community_id bigint NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      kind         text NOT NULL,
      last_value   integer NOT NULL,
      PRIMARY KEY (community_id, kind)
    )`.execute(db);

  // Facilities hang off the tree: checkpoints, testing and isolation sites, hospitals, fever clinics…
  await sql`
    CREATE TABLE facilities (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      unit_id    bigint NOT NULL REFERENCES units(id),
      unit_path  text COLLATE "C" NOT NULL,
      kind       text NOT NULL,
      name       text NOT NULL,
      address    text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX facilities_path_idx ON facilities (unit_path)`.execute(db);

  // Users. home_unit_path: the unit a user belongs to; managers see users whose home lies in their scope.
  // phone_*: personal data, encrypted with a blind index (DESIGN rule 3).
  await sql`
    CREATE TABLE users (
      id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username        text NOT NULL UNIQUE,
      display_name    text NOT NULL,
      password_hash   text NOT NULL,
      home_unit_id    bigint NOT NULL REFERENCES units(id),
      home_unit_path  text COLLATE "C" NOT NULL,
      phone_enc       bytea,
      phone_hmac      bytea,
      phone_masked    text,
      locale          text NOT NULL DEFAULT 'zh-CN',
      disabled        boolean NOT NULL DEFAULT false,
      failed_logins   integer NOT NULL DEFAULT 0,
      locked_until    timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at      timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX users_home_path_idx ON users (home_unit_path)`.execute(db);
  await sql`CREATE INDEX users_phone_hmac_idx ON users (phone_hmac)`.execute(db);

  // A role granted on a unit: the user acts within that unit's subtree.
  await sql`
    CREATE TABLE role_grants (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id    bigint NOT NULL REFERENCES users(id),
      role       text NOT NULL,
      unit_id    bigint NOT NULL REFERENCES units(id),
      unit_path  text COLLATE "C" NOT NULL,
      granted_by bigint REFERENCES users(id),
      granted_at timestamptz NOT NULL DEFAULT now(),
      revoked_by bigint REFERENCES users(id),
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX role_grants_user_idx ON role_grants (user_id) WHERE revoked_at IS NULL`.execute(db);
  await sql`CREATE INDEX role_grants_path_idx ON role_grants (unit_path)`.execute(db);

  // Sessions: the cookie holds a random token; only its SHA-256 is stored.
  await sql`
    CREATE TABLE sessions (
      token_hash  bytea PRIMARY KEY,
      user_id     bigint NOT NULL REFERENCES users(id),
      created_at  timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at  timestamptz NOT NULL,
      revoked_at  timestamptz,
      ip          text,
      user_agent  text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  // The audit log: logins (and failures), grants, every reveal of personal data, every export. Append-only.
  await sql`
    CREATE TABLE audit_log (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at         timestamptz NOT NULL DEFAULT now(),
      user_id    bigint REFERENCES users(id),
      username   text,
      action     text NOT NULL,
      unit_path  text COLLATE "C",
      target     text,
      detail     jsonb NOT NULL DEFAULT '{}'::jsonb,
      ip         text,
      request_id text
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_path_idx ON audit_log (unit_path)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'sessions',
    'role_grants',
    'users',
    'facilities',
    'unit_code_counters',
    'units',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS text_bigrams(text)`.execute(db);
}
