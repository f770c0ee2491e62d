import type { TFunction } from 'i18next';
import { targetRef } from '../../../domain/audit/refs';
import { FACILITY_KINDS } from '../../../domain/org/units';
import type { AuditEntry } from '../../http/types';
import type { Language } from '../../i18n';
import { joinList } from '../../i18n/punctuation';
import { roleLabel } from '../../shell/roleLabel';
import { kindLabel } from '../org/kindLabel';
import { KNOWN_ACTIONS } from './actions';

// An audit entry as a sentence in the UI language, with names where the entry keeps keys and codes:
// "王芳 granted 李娜 the role Grid worker on 省民航社区" rather than "role: … · unit: 410105002008". The
// server resolved the names the reader may see (entry.names); what it could not name is said without
// its key (a user outside your area, a resident).

type Detail = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function auditSentence(e: AuditEntry, t: TFunction, lang: Language): string {
  const d = (e.detail && typeof e.detail === 'object' ? e.detail : {}) as Detail;
  const names = e.names ?? {};
  const target = targetRef(e.target);
  const actor = e.actorName ?? e.username ?? t('audit.system');
  const unitByCode = (code: unknown) => {
    const c = str(code);
    return (c && names[`unit:${c}`]) ?? c ?? e.unitName ?? '';
  };
  const targetUnit = () =>
    (target?.startsWith('unit:') && names[target]) || e.unitName || target?.slice(5) || '';
  const targetName = (fallback: string) => (target && names[target]) ?? fallback;
  const user = () =>
    targetName(str(d.grantee) ?? (e.target === `user:${e.userId}` ? actor : t('audit.outside')));
  const fields = (group: 'userField' | 'facilityField') =>
    joinList(
      (Array.isArray(d.fields) ? (d.fields as unknown[]) : []).map((f) =>
        t(`audit.${group}.${String(f)}` as 'audit.userField.phone', { defaultValue: String(f) }),
      ),
    );
  const unitKind = (kind: unknown, name: string) =>
    kindLabel({ kind: String(kind ?? ''), name }, t).toLowerCase();
  const facilityKind = (kind: unknown) =>
    (FACILITY_KINDS as readonly string[]).includes(String(kind))
      ? t(`facilityKind.${kind as 'checkpoint'}`)
      : t('audit.aFacility');
  const lower = (s: string) => (lang === 'en' ? s.toLowerCase() : s);

  switch (e.action) {
    case 'auth.login':
    case 'auth.logout':
    case 'auth.password_changed':
    case 'auth.password_change_failed':
      return t(`audit.says.${e.action}`, { actor });
    case 'auth.login_failed': {
      const reason = str(d.reason)?.replace(/^error\./, '') ?? 'other';
      const known = ['bad_credentials', 'locked', 'disabled'].includes(reason) ? reason : 'other';
      return t('audit.says.auth.login_failed', {
        username: e.username ?? '',
        reason: t(`audit.failReason.${known as 'other'}`),
      });
    }
    case 'user.created':
      return t('audit.says.user.created', { actor, user: targetName(str(d.username) ?? t('audit.outside')) });
    case 'user.updated':
      return t('audit.says.user.updated', { actor, user: user(), fields: fields('userField') });
    case 'user.sessions_revoked':
      return t('audit.says.user.sessions_revoked', { actor, user: user(), n: Number(d.revoked ?? 0) });
    case 'grant.created':
    case 'grant.revoked':
      return t(`audit.says.${e.action}`, {
        actor,
        user: user(),
        role: roleLabel(String(d.role ?? ''), lang),
        unit: unitByCode(d.unit),
      });
    case 'unit.created':
    case 'unit.deleted': {
      const name = str(d.name) ?? targetUnit();
      return t(`audit.says.${e.action}`, { actor, kind: unitKind(d.kind, name), name });
    }
    case 'unit.updated': {
      const parts: string[] = [];
      const rename = d.name as { from?: string; to?: string } | undefined;
      const move = d.parent as { from?: string; to?: string } | undefined;
      if (rename?.from || rename?.to)
        parts.push(t('audit.says.unit.renamed', { actor, from: rename.from ?? '', to: rename.to ?? '' }));
      if (move?.from || move?.to)
        parts.push(
          t('audit.says.unit.moved', {
            actor,
            unit: targetUnit(),
            from: unitByCode(move.from),
            to: unitByCode(move.to),
          }),
        );
      return parts.length
        ? parts.join(lang === 'en' ? '; ' : '；')
        : t('audit.says.unit.updated', { actor, unit: targetUnit() });
    }
    case 'facility.created':
    case 'facility.deleted':
      return t(`audit.says.${e.action}`, {
        actor,
        kind: lower(facilityKind(d.kind)),
        name: str(d.name) ?? targetName(t('audit.aFacility')),
        unit: e.unitName ?? '',
      });
    case 'facility.updated':
      return t('audit.says.facility.updated', {
        actor,
        name: targetName(t('audit.aFacility')),
        fields: fields('facilityField'),
      });
    case 'pii.revealed': {
      const kind = target?.split(':')[0];
      const subject = targetName(
        kind === 'resident'
          ? t('audit.aResident')
          : kind === 'person'
            ? t('audit.aPerson')
            : t('audit.outside'),
      );
      const field = str(d.field) === 'idNumber' ? 'idNumber' : 'phone';
      return t('audit.says.pii.revealed', { actor, subject, field: t(`audit.field.${field}`) });
    }
    case 'data.exported': {
      const what = (str(d.what) ?? e.target?.split(':')[0] ?? '').replace(/^hours-.*/, 'hours');
      const known = ['ledger', 'people', 'roster', 'hours'].includes(what);
      const unit = target?.startsWith('facility:') ? targetName(t('audit.aFacility')) : targetUnit();
      return (
        t('audit.says.data.exported', {
          actor,
          what: known ? t(`audit.exported.${what as 'ledger'}`) : what,
          unit,
        }) +
        (typeof d.rows === 'number' ? t('audit.says.rows', { n: d.rows }) : '') +
        (d.full === true ? t('audit.says.full') : '')
      );
    }
    case 'ledger.imported':
      return t('audit.says.ledger.imported', {
        actor,
        unit: targetUnit(),
        households: Number(d.households ?? 0),
        residents: Number(d.residents ?? 0),
      });
    case 'forces.imported':
      return t('audit.says.forces.imported', { actor, unit: targetUnit(), people: Number(d.people ?? 0) });
    default:
      return t('audit.says.other', {
        actor,
        action: (KNOWN_ACTIONS as string[]).includes(e.action)
          ? t(`audit.actions.${e.action as (typeof KNOWN_ACTIONS)[number]}`)
          : e.action,
      });
  }
}
