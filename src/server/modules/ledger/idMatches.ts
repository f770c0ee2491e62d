import { sql } from 'kysely';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';

// ID numbers typed into the import or a form that are already a living resident's outside the user's
// scope (issue 11, finding 7). The answer says "already registered" without naming a place; each such
// answer is written to the audit log (dry runs of the import included), and a user gets at most
// OUT_OF_SCOPE_MATCHES_PER_HOUR of them in an hour (counted in the audit log, so across processes):
// past that the request is refused with 429, so that no one can test thousands of numbers against
// the city's ledger.

export const OUT_OF_SCOPE_MATCHES_PER_HOUR = 20;

/**
 * Audits `count` matches outside the actor's scope (`via`: what asked), then refuses with 429 when the
 * actor's matches of the last hour, these included, pass the limit. Nothing is done for 0.
 */
export async function outOfScopeMatches(
  services: Services,
  actor: Actor,
  count: number,
  via: 'import' | 'form',
  unitPath: string,
): Promise<void> {
  if (count <= 0) return;
  await auditAs(services.db, actor, 'pii.matched', { unitPath, detail: { count, via } });
  const { rows } = await sql<{ n: string | null }>`
    SELECT sum((detail->>'count')::int) AS n FROM audit_log
    WHERE action = 'pii.matched' AND user_id = ${actor.userId} AND at > now() - interval '1 hour'`.execute(
    services.db,
  );
  if (Number(rows[0]?.n ?? 0) > OUT_OF_SCOPE_MATCHES_PER_HOUR)
    throw new AppError('rate_limited', 'error.id_match_limit', { limit: OUT_OF_SCOPE_MATCHES_PER_HOUR });
}
