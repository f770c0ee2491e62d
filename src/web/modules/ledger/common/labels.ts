import {
  COLOURS,
  CONTACT_KIND_LABELS,
  type ColourReason,
  type HouseholdColour,
  isHouseholdColour,
  REASON_TITLES,
  SYMPTOM_LABELS,
  type Symptom,
  type TravelStay,
  UNDATED_STAY_LABELS,
  type UndatedStay,
} from '../../../../domain/ledger/colours';
import { MARKER_INFO, type Marker } from '../../../../domain/ledger/markers';
import { FIELD_LABELS, isLedgerField } from '../../../../domain/ledger/sheet/headers';
import {
  ID_TYPE_LABELS,
  ID_TYPES,
  type IdType,
  RELATION_LABELS,
  RELATIONS,
  type Relation,
  SEX_LABELS,
} from '../../../../domain/ledger/sheet/values';
import type { Language } from '../../../i18n';
import i18n from '../../../i18n';

// The ledger's words in the UI language, from the tables shared with the server (src/domain/ledger):
// colours, markers, relations, ID types, symptoms, contacts, the reasons behind a colour.

/** The day a stay counts to; for a stay told without dates, what was said and the day it was told. */
function stayDay(date: string, undated: UndatedStay | undefined, lang: Language): string {
  if (!undated) return date;
  return lang === 'en'
    ? `${UNDATED_STAY_LABELS[undated].en} (told ${date})`
    : `${UNDATED_STAY_LABELS[undated]['zh-CN']}（${date}登记）`;
}

/** A stay as a line: 武汉市 2020-01-20 – 2020-01-23, or 武汉市（日期不详） */
export function stayText(s: TravelStay, lang: Language): string {
  const place = s.placeName || s.placeCode;
  if (!s.from) {
    const said = UNDATED_STAY_LABELS[s.undated ?? 'unknown'][lang];
    // the last day may be known without the first: the day they came back (返郑日期)
    if (s.to) return lang === 'en' ? `${place} (${said}, back ${s.to})` : `${place}（${said}，${s.to}返回）`;
    return lang === 'en' ? `${place} (${said})` : `${place}（${said}）`;
  }
  return s.to && s.to !== s.from ? `${place} ${s.from} – ${s.to}` : `${place} ${s.from}`;
}

/** 红 / red */
export function colourName(c: HouseholdColour, lang: Language): string {
  return COLOURS[c].name[lang];
}

export function markerLabel(m: Marker, lang: Language): string {
  return MARKER_INFO[m]?.label[lang] ?? m;
}

export function relationLabel(relation: string | null, text: string | null, lang: Language): string {
  if (text) return text;
  if (!relation) return '';
  return (RELATIONS as readonly string[]).includes(relation)
    ? RELATION_LABELS[relation as Relation][lang]
    : relation;
}

export function sexLabel(sex: string | null, lang: Language): string {
  if (sex === 'male' || sex === 'female') return SEX_LABELS[sex][lang];
  return sex ?? '';
}

export function idTypeLabel(t: string | null, lang: Language): string {
  if (!t) return '';
  return (ID_TYPES as readonly string[]).includes(t) ? ID_TYPE_LABELS[t as IdType][lang] : t;
}

export function symptomLabel(s: Symptom, lang: Language): string {
  return SYMPTOM_LABELS[s]?.[lang] ?? s;
}

export function fieldLabel(field: string, lang: Language): string {
  return isLedgerField(field) ? FIELD_LABELS[field][lang] : field;
}

export function colourOf(value: unknown): HouseholdColour | undefined {
  return isHouseholdColour(value) ? value : undefined;
}

/** The title of a reason (有症状, 重点地区旅居史 …) */
export function reasonTitle(r: ColourReason, lang: Language): string {
  return REASON_TITLES[r.code]?.[lang] ?? r.code;
}

/** What a reason says beyond its title: where and when, the temperature, the symptoms … */
export function reasonDetail(r: ColourReason, lang: Language): string {
  const sep = lang === 'en' ? ', ' : '，';
  switch (r.code) {
    case 'symptom':
      return [r.symptoms.map((s) => symptomLabel(s, lang)).join(lang === 'en' ? ', ' : '、'), r.date].join(
        sep,
      );
    case 'fever':
      return [`${r.temperatureC} ℃`, r.date].join(sep);
    case 'contact_case':
      return [CONTACT_KIND_LABELS[r.contact]?.[lang] ?? r.contact, r.date].join(sep);
    case 'contact_key_person':
      return r.date;
    case 'travel_key_area':
      return [r.placeName ?? r.area, stayDay(r.date, r.undated, lang)].join(sep);
    case 'returned_from_outside':
      return [r.placeName ?? r.placeCode, stayDay(r.date, r.undated, lang)].join(sep);
    case 'centralised_isolation':
    case 'home_isolation':
    case 'health_monitoring':
      return r.to ? `${r.from} – ${r.to}` : `${r.from} –`;
    case 'override':
      return r.reason;
    default:
      return '';
  }
}

/** An entrance (单元) as shown: '2' → '2单元' / 'Entrance 2'; '东单元' stays as written. */
export function entranceText(entrance: string): string {
  if (!entrance) return '';
  return /^\d+$/.test(entrance) ? i18n.t('ledger.entranceN', { n: entrance }) : entrance;
}

/** '长兴路街道 淮河社区' before a row, for a user whose scope lies above its community ('' within one) */
export function withinText(h: { within?: { name: string }[] }): string {
  return (h.within ?? []).map((u) => u.name).join(' ');
}

/** '1号楼 2单元 302', with its street and community first for a user above them */
export function placeText(h: {
  unit: { name: string };
  entrance: string;
  door: string;
  within?: { name: string }[];
}): string {
  return [withinText(h), h.unit.name, entranceText(h.entrance), h.door].filter(Boolean).join(' ');
}

/** '2单元 302' (within a building) */
export function doorText(h: { entrance: string; door: string }): string {
  return [entranceText(h.entrance), h.door].filter(Boolean).join(' ');
}
