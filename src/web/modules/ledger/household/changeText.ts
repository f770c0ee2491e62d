import type { Marker } from '../../../../domain/ledger/markers';
import type { ChangeValue, FieldChange } from '../../../../domain/ledger/residentChanges';
import type { Language } from '../../../i18n';
import { fieldLabel, idTypeLabel, markerLabel, relationLabel, sexLabel } from '../common/labels';

// One change of a resident's details as the history shows it: 工作单位：郑州市第一人民医院 → 金水区人民医院.

const BLANK: Record<Language, string> = { 'zh-CN': '（空）', en: '(blank)' };
const TAGS: Record<Language, string> = { 'zh-CN': '其他类别', en: 'other categories' };

function valueText(field: FieldChange['field'], v: ChangeValue, lang: Language): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return BLANK[lang];
  const list = (items: string[]) => items.join(lang === 'en' ? ', ' : '、');
  if (Array.isArray(v)) return list(field === 'markers' ? v.map((m) => markerLabel(m as Marker, lang)) : v);
  switch (field) {
    case 'sex':
      return sexLabel(v, lang);
    case 'idType':
      return idTypeLabel(v, lang);
    case 'relation':
      return relationLabel(v, null, lang);
    default:
      return v;
  }
}

/** A changed field's name: 工作单位 / work unit. */
export function changedFieldLabel(field: string, lang: Language): string {
  return field === 'tags' ? TAGS[lang] : fieldLabel(field, lang);
}

/** The field's name, what it was and what it became. */
export function changeText(c: FieldChange, lang: Language): string {
  const name = changedFieldLabel(c.field, lang);
  const colon = lang === 'en' ? ': ' : '：';
  return `${name}${colon}${valueText(c.field, c.before, lang)} → ${valueText(c.field, c.after, lang)}`;
}

/** The changes of a history row, when it has them (rows written before changes were kept have none). */
export function changesOf(detail: Record<string, unknown> | null | undefined): FieldChange[] {
  const c = detail?.changes;
  return Array.isArray(c) ? (c as FieldChange[]) : [];
}
