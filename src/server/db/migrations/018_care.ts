import type { Kysely } from 'kysely';

// Care for those who cannot go out (生活保障): filled in by the care requests work (issue 14).

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
