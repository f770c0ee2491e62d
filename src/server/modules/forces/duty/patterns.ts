import type { ShiftPattern } from '../../../../domain/forces/schedule';
import {
  PATTERN_LABELS,
  PATTERN_PRESETS,
  type PatternProblem,
  validatePattern,
} from '../../../../domain/forces/shiftPatterns';
import { type Locale, type MessageKey, translate } from '../../../../domain/i18n/messages';
import type { Actor } from '../../../platform/access';
import { AppError, notFound } from '../../../platform/errors';
import { registerPlaceColumn } from '../../../platform/placeColumns';
import type { Services } from '../../../platform/services';
import * as q from './queries';

// Shift patterns per facility (两班, 三班倒, 四班运转) with the staffing each shift needs.

registerPlaceColumn({ table: 'shift_patterns', column: 'unit_path', what: 'what.forces' });

/** validatePattern's problems as one validation error, each naming its field (`shifts.1.end`). */
export function patternError(locale: Locale, problems: PatternProblem[], prefix = ''): AppError {
  const fields = problems.map((p) => ({
    path: `${prefix}${p.path}`,
    message: translate(locale, `duty.pattern.${p.code}` as MessageKey, { other: (p.other ?? 0) + 1 }),
  }));
  return new AppError(
    'validation',
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

export function presets(locale: Locale) {
  return Object.entries(PATTERN_PRESETS).map(([key, pattern]) => ({
    key,
    label: PATTERN_LABELS[key as keyof typeof PATTERN_LABELS][locale],
    pattern,
  }));
}

/** A facility in the scope for a permission, or 404. */
export async function facilityInScope(
  services: Services,
  actor: Actor,
  id: string,
  permission: 'forces.read' | 'forces.manage',
) {
  const [f] = await q.facilitiesByIds(services.db, [id]);
  if (!f) throw notFound();
  actor.scope.check(permission, f.unit_path);
  return f;
}

export async function getPattern(services: Services, actor: Actor, facilityId: string) {
  const f = await facilityInScope(services, actor, facilityId, 'forces.read');
  const row = await services.db
    .selectFrom('shift_patterns')
    .select(['name', 'shifts', 'updated_at'])
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  return {
    facility: { id: f.id, name: f.name, kind: f.kind },
    pattern: row ? ({ name: row.name, shifts: row.shifts } as ShiftPattern) : null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function putPattern(
  services: Services,
  actor: Actor,
  facilityId: string,
  pattern: ShiftPattern,
) {
  const f = await facilityInScope(services, actor, facilityId, 'forces.manage');
  const problems = validatePattern(pattern);
  if (problems.length) throw patternError(actor.locale, problems);
  await services.db
    .insertInto('shift_patterns')
    .values({
      facility_id: f.id,
      unit_path: f.unit_path,
      name: pattern.name.trim(),
      shifts: JSON.stringify(pattern.shifts),
      updated_by: actor.userId,
    })
    .onConflict((oc) =>
      oc.column('facility_id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        shifts: eb.ref('excluded.shifts'),
        unit_path: eb.ref('excluded.unit_path'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: new Date(),
      })),
    )
    .execute();
  return getPattern(services, actor, facilityId);
}
