import type { Kysely } from 'kysely';

// Lists sent down from above (协查名单): filled in by the lists work (issue 14).

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
