import { careView, doorText, isLate } from '../../../domain/care/request';
import type { Locale } from '../../../domain/i18n/messages';
import { recordKey } from '../../../domain/ledger/household';
import type { RequestRow } from './queries';

// Requests as the API gives them: record keys ('410105-12'), the state a list shows (overdue: open past
// its deadline, computed when read), the door as the volunteer looks for it.

export const CARE_EVENT = 'care.changed';

export function toRequest(r: RequestRow, now: Date, locale: Locale) {
  const due = r.due_at.getTime();
  return {
    id: recordKey(r.region_code, r.id),
    clientId: r.client_id,
    householdKey: recordKey(r.region_code, r.household_id),
    unit: { code: r.unit_code, name: r.unit_name },
    community: r.community_code ? { code: r.community_code, name: r.community_name ?? '' } : null,
    entrance: r.entrance,
    door: r.door,
    address: `${r.unit_name} ${doorText(r.entrance, r.door, locale)}`.trim(),
    reasons: r.reasons,
    day: r.day,
    dueAt: r.due_at,
    urgent: r.urgent,
    items: r.items,
    help: r.help,
    note: r.note,
    source: r.source,
    state: careView(r.state, due, now.getTime()),
    late: isLate(r.state, due, now.getTime()),
    volunteer: r.volunteer_name
      ? { personId: r.volunteer_person_id, userId: r.volunteer_user_id, name: r.volunteer_name }
      : null,
    assignedAt: r.assigned_at,
    deliveredAt: r.delivered_at,
    deliveredBy: r.delivered_by_name,
    receivedBy: r.received_by,
    deliveryNote: r.delivery_note,
    cancelReason: r.cancel_reason,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
  };
}
export type RequestView = ReturnType<typeof toRequest>;

/** What the household sees of its own request through its link: no ids of people, no workers' names. */
export function toPublicRequest(r: RequestRow, now: Date) {
  const due = r.due_at.getTime();
  return {
    id: recordKey(r.region_code, r.id),
    clientId: r.client_id,
    day: r.day,
    dueAt: r.due_at,
    urgent: r.urgent,
    items: r.items,
    help: r.help,
    note: r.note,
    state: careView(r.state, due, now.getTime()),
    volunteerName: r.volunteer_name,
    deliveredAt: r.delivered_at,
    receivedBy: r.received_by,
    createdAt: r.created_at,
  };
}
