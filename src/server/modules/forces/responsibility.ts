import {
  ANSWERABLE_KINDS,
  DUTY_LABELS,
  DUTY_UNIT_KINDS,
  type Duty,
  dutyFits,
  isAnswerable,
} from '../../../domain/forces/duties';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../domain/org/units';
import type { Actor } from '../../platform/access';
import { platformToday } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { listChildren, unitInScope } from '../org/service';
import { fieldError, personForAssignment, publishForces } from './people';
import * as q from './queries';

// Responsibility (包保): a person answerable for a unit of the tree — street leaders for communities, the
// community's two committees for grids, grid and building leaders for courtyards and buildings. Ended, never
// deleted (until, ended_by). A unit of those kinds that nobody answers for is flagged.

registerPlaceColumn({ table: 'responsibilities', column: 'unit_path', what: 'what.forces' });

function toResponsible(r: q.ResponsibleRow) {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    phoneMasked: r.phone_masked,
    duty: r.duty as Duty,
    since: r.since,
  };
}

/**
 * A unit with who answers for it, its children (a page) each with who answers for them and `unanswered`
 * when nobody does, and the units below it nobody answers for, counted by kind.
 */
export async function responsibilityView(
  services: Services,
  scope: Scope,
  code: string,
  page: { after?: string; limit: number; below?: boolean },
) {
  const unit = await unitInScope(services.db, scope, code, 'forces.read');
  const [children, counts] = await Promise.all([
    listChildren(services.db, scope, unit.code, page.after, page.limit),
    page.below === false ? Promise.resolve([]) : q.unansweredCounts(services.db, unit.path, ANSWERABLE_KINDS),
  ]);
  const rows = await q.responsiblesAt(services.db, [unit.path, ...children.items.map((c) => c.path)]);
  const at = (path: string) => rows.filter((r) => r.unit_path === path).map(toResponsible);
  const byKind = Object.fromEntries(
    counts.map((c) => [c.kind, { total: c.total, unanswered: c.unanswered }]),
  );
  return {
    unit: {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      answerable: isAnswerable(unit.kind),
      responsible: at(unit.path),
    },
    children: children.items.map((c) => {
      const responsible = at(c.path);
      const answerable = isAnswerable(c.kind);
      return {
        code: c.code,
        name: c.name,
        kind: c.kind,
        childCount: c.childCount,
        answerable,
        responsible,
        unanswered: answerable && responsible.length === 0,
      };
    }),
    next: children.next,
    below: {
      byKind,
      unanswered: counts.reduce((n, c) => n + c.unanswered, 0),
      total: counts.reduce((n, c) => n + c.total, 0),
    },
  };
}

/** Assigns a person to answer for a unit with a duty that fits the unit's kind. */
export async function assignResponsibility(
  services: Services,
  actor: Actor,
  input: { unitCode: string; personId: string; duty: Duty; since?: string },
) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.manage');
  if (!dutyFits(input.duty, unit.kind)) {
    throw fieldError(actor, 'duty', 'forces.duty_not_for_unit', {
      duty: DUTY_LABELS[input.duty][actor.locale],
      kind: UNIT_KIND_LABELS[unit.kind as UnitKind]?.[actor.locale] ?? unit.kind,
      kinds: dutyKindsText(input.duty, actor.locale),
    });
  }
  const person = await personForAssignment(services.db, actor, input.personId);
  const since = input.since ?? platformToday(services.config);
  if (since > platformToday(services.config)) throw fieldError(actor, 'since', 'forces.date_future');
  const id = await services.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('responsibilities')
      .select('id')
      .where('unit_id', '=', unit.id)
      .where('person_id', '=', person.id)
      .where('duty', '=', input.duty)
      .where('until', 'is', null)
      .executeTakeFirst();
    if (taken)
      throw fieldError(
        actor,
        'personId',
        'forces.duty_taken',
        { name: person.name, duty: DUTY_LABELS[input.duty][actor.locale] },
        'conflict',
      );
    const { id } = await tx
      .insertInto('responsibilities')
      .values({
        unit_id: unit.id,
        unit_path: unit.path,
        person_id: person.id,
        duty: input.duty,
        since,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await publishForces(services, tx, unit.path, { responsibility: id, unit: unit.code });
    return id;
  });
  return toView(
    (await q.findResponsibility(services.db, id)) as NonNullable<
      Awaited<ReturnType<typeof q.findResponsibility>>
    >,
  );
}

function dutyKindsText(duty: Duty, locale: 'zh-CN' | 'en') {
  return DUTY_UNIT_KINDS[duty].map((k) => UNIT_KIND_LABELS[k][locale]).join(locale === 'en' ? ', ' : '、');
}

function toView(r: NonNullable<Awaited<ReturnType<typeof q.findResponsibility>>>) {
  return {
    id: r.id,
    unit: { code: r.unit_code, name: r.unit_name, kind: r.unit_kind },
    personId: r.person_id,
    name: r.name,
    duty: r.duty as Duty,
    since: r.since,
    until: r.until,
  };
}

/** Ends a responsibility on a day (kept, with who ended it). */
export async function endResponsibility(
  services: Services,
  actor: Actor,
  id: string,
  input: { until?: string },
) {
  const r = await q.findResponsibility(services.db, id);
  if (!r) throw notFound();
  actor.scope.check('forces.manage', r.unit_path);
  if (r.until) throw fieldError(actor, 'until', 'forces.responsibility_ended', {}, 'conflict');
  const until = input.until ?? platformToday(services.config);
  if (until < r.since) throw fieldError(actor, 'until', 'forces.until_before_since');
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('responsibilities')
      .set({ until, ended_by: actor.userId })
      .where('id', '=', id)
      .execute();
    await publishForces(services, tx, r.unit_path, { responsibility: id, unit: r.unit_code });
  });
  return toView(
    (await q.findResponsibility(services.db, id)) as NonNullable<
      Awaited<ReturnType<typeof q.findResponsibility>>
    >,
  );
}
