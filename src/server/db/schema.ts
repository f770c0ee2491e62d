import type { ColumnType, Generated } from 'kysely';

// Table types for Kysely. Keep in step with the migrations in ./migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = ColumnType<string, never, never>; // bigint identity, read as string by pg

export interface UnitsTable {
  id: Generated<string>;
  code: string;
  parent_id: string | null;
  kind: string;
  name: string;
  official_name: string | null;
  path: string;
  depth: number;
  region_code: string | null;
  initials: Generated<string>;
  search_text: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UnitCodeCountersTable {
  community_id: string;
  kind: string;
  last_value: number;
}

export interface FacilitiesTable {
  id: Generated<string>;
  unit_id: string;
  unit_path: string;
  kind: string;
  name: string;
  address: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  home_unit_id: string;
  home_unit_path: string;
  phone_enc: Buffer | null;
  phone_hmac: Buffer | null;
  phone_masked: string | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  unit_id: string;
  unit_path: string;
  granted_by: string | null;
  granted_at: Generated<Date>;
  revoked_by: string | null;
  revoked_at: Date | null;
}

export interface SessionsTable {
  token_hash: Buffer;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  user_id: string | null;
  username: string | null;
  action: string;
  unit_path: string | null;
  target: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
  ip: string | null;
  request_id: string | null;
}

export interface Database {
  units: UnitsTable;
  unit_code_counters: UnitCodeCountersTable;
  facilities: FacilitiesTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type { Id };
