import {
  earlierDate,
  isIsoDate,
  type KeyArea,
  keyAreaDuring,
  laterDate,
  normaliseAreaCode,
} from '../keyAreas';
import { arrayOrEmpty, validateHouseholdFacts } from './checkFacts';
import type { ActiveIsolationKind, HouseholdFacts, ResidentFacts } from './facts';
import { type AttentionColour, compareColours } from './palette';
import {
  type ColourPolicy,
  DEFAULT_FEVER_THRESHOLD_C,
  DEFAULT_ISOLATION_COLOURS,
  DEFAULT_WINDOW_DAYS,
  validateColourPolicy,
  windowStart,
} from './policy';
import type { ColourReason, DerivedColour, ResidentRef } from './reasons';

// ---------------------------------------------------------------------------------------------------
// The rules

const ISOLATION_REASON = {
  centralised: 'centralised_isolation',
  home: 'home_isolation',
  health_monitoring: 'health_monitoring',
} as const;

interface Context {
  today: string;
  since: string;
  home: string;
  keyAreas: readonly KeyArea[];
  feverC: number;
  isolationColours: Record<ActiveIsolationKind, AttentionColour>;
  keyPersonContactColour: AttentionColour | null;
}

/** Keeps one reason per key, the one with the latest date. */
function keepLatest(
  found: Map<string, ColourReason & { date: string }>,
  key: string,
  r: ColourReason & { date: string },
) {
  const had = found.get(key);
  if (had === undefined || r.date > had.date) found.set(key, r);
}

function residentFindings(r: ResidentFacts, residentIndex: number, ctx: Context): ColourReason[] {
  const ref: ResidentRef = r.id === undefined ? { residentIndex } : { residentIndex, residentId: r.id };
  const dated = new Map<string, ColourReason & { date: string }>();
  const inWindow = (d: string) => ctx.since <= d && d <= ctx.today;

  // Rule R1 (red, 重点关注): a symptom (fever, cough … any answer but "none") or a temperature at or above
  // the fever threshold (37.3 °C) in a health report within the window. The reports' checkpoints and
  // doors all "measure the temperature, ask about the body" (测量人员体温，询问身体情况, source 000).
  for (const h of arrayOrEmpty(r.health)) {
    if (!inWindow(h.date)) continue;
    if (h.symptoms && h.symptoms.length > 0) {
      keepLatest(dated, 'symptom', {
        ...ref,
        code: 'symptom',
        colour: 'red',
        date: h.date,
        symptoms: [...h.symptoms],
      });
    }
    if (h.temperatureC !== undefined && h.temperatureC >= ctx.feverC) {
      keepLatest(dated, 'fever', {
        ...ref,
        code: 'fever',
        colour: 'red',
        date: h.date,
        temperatureC: h.temperatureC,
      });
    }
  }

  // Rule R2 (red): a contact with a confirmed or suspected case (or an asymptomatic infection, which the
  // rules of the time treated as a case) within the window — "跟谁接触过?" at the door. A contact with a key
  // person gives the policy's keyPersonContactColour (default: none).
  for (const c of arrayOrEmpty(r.contacts)) {
    if (!inWindow(c.date)) continue;
    if (c.kind === 'key_person') {
      if (ctx.keyPersonContactColour !== null) {
        keepLatest(dated, 'contact_key_person', {
          ...ref,
          code: 'contact_key_person',
          colour: ctx.keyPersonContactColour,
          date: c.date,
        });
      }
    } else {
      keepLatest(dated, `contact_case|${c.kind}`, {
        ...ref,
        code: 'contact_case',
        colour: 'red',
        date: c.date,
        contact: c.kind,
      });
    }
  }

  // Rule R3 (red) and R5 (yellow): travel, "您近期去过哪?". Only the days of a stay within the window count
  // (from windowStart to today; days after today are not yet travelled). A stay that met a key area on one
  // of those days, within the area's own dates, is red (武汉返郑人员, source 000). Any other stay outside the
  // home city is yellow: returned from a non-epidemic area (非疫区返郑, source 000); green needs a household
  // where nobody left (未离郑). A stay inside the home city is not travel — unless the place is itself on the
  // key-area list (a district of the home city can be one), which R3 checks first.
  // A stay without its first day counts through the whole window up to its last day (see TravelStay).
  for (const s of arrayOrEmpty(r.travel)) {
    const last = s.to ?? s.from ?? s.recordedOn ?? ctx.today;
    const from = s.from === undefined ? ctx.since : laterDate(s.from, ctx.since);
    const to = earlierDate(last, ctx.today);
    if (from > to) continue;
    const undated = s.from === undefined ? { undated: s.undated ?? ('unknown' as const) } : {};
    const match = keyAreaDuring(s.placeCode, from, to, ctx.keyAreas);
    if (match) {
      const reason: ColourReason = {
        ...ref,
        code: 'travel_key_area',
        colour: 'red',
        date: match.date,
        placeCode: s.placeCode,
        ...(s.placeName === undefined ? {} : { placeName: s.placeName }),
        areaCode: match.area.code,
        area: match.area.name,
        ...undated,
      };
      keepLatest(dated, `travel_key_area|${match.area.code}`, reason);
    } else if (!(normaliseAreaCode(s.placeCode)?.startsWith(ctx.home) ?? false)) {
      keepLatest(dated, `returned_from_outside|${s.placeCode}`, {
        ...ref,
        code: 'returned_from_outside',
        colour: 'yellow',
        date: to,
        placeCode: s.placeCode,
        ...(s.placeName === undefined ? {} : { placeName: s.placeName }),
        ...undated,
      });
    }
  }

  // Rule R4 (orange, 居家隔离户): a home isolation period that covers today (from ≤ today ≤ to, `to` absent =
  // not yet ended). Centralised isolation (集中隔离, the resident taken to a site: the household is one of
  // key attention) and health monitoring (健康监测, the mildest measure, after isolation) give the policy's
  // isolationColours, by default red and yellow. A period planned for later or already over gives nothing.
  const isolation: ColourReason[] = [];
  for (const p of arrayOrEmpty(r.isolation)) {
    if (p.kind === 'none' || p.from === undefined) continue;
    if (!(p.from <= ctx.today && (p.to === undefined || ctx.today <= p.to))) continue;
    const code = ISOLATION_REASON[p.kind];
    if (isolation.some((x) => x.code === code)) continue;
    isolation.push({
      ...ref,
      code,
      colour: ctx.isolationColours[p.kind],
      from: p.from,
      ...(p.to === undefined ? {} : { to: p.to }),
    });
  }

  return [...dated.values(), ...isolation];
}

function contextOf(policy: ColourPolicy, today: string): Context {
  if (!isIsoDate(today)) throw new RangeError(`today is not a YYYY-MM-DD date: ${String(today)}`);
  const issues = validateColourPolicy(policy);
  if (issues.length > 0) {
    throw new RangeError(`invalid colour policy: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  }
  const windowDays = policy.windowDays ?? DEFAULT_WINDOW_DAYS;
  return {
    today,
    since: windowStart(today, windowDays),
    home: normaliseAreaCode(policy.homeAreaCode) as string,
    keyAreas: policy.keyAreas,
    feverC: policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C,
    isolationColours: { ...DEFAULT_ISOLATION_COLOURS, ...policy.isolationColours },
    keyPersonContactColour: policy.keyPersonContactColour ?? null,
  };
}

/**
 * The colour of a household on `today` (a reporting day, 'YYYY-MM-DD', Asia/Shanghai) from the facts of
 * its residents, and the reasons for it. Exactly one colour:
 *
 * - W  white (空户) when no resident lives there (none, or every one `present: false`); nothing else is
 *      looked at.
 * - Otherwise each resident who lives there is checked against the rules R1–R5 (in residentFindings),
 *   each finding giving a colour; the household takes the most severe one (red > orange > yellow), so
 *   red wins over orange, and a finding can only make a household more severe, never milder.
 * - G  green (未离开无症状户) when there is no finding: nobody left the city within the window, no symptom,
 *      no case contact, no isolation.
 *
 * Throws a RangeError on a malformed `today`, policy or facts (see validateHouseholdFacts): the caller
 * validates what it stores, and a wrong date must not quietly give a wrong colour.
 */
export function deriveColour(facts: HouseholdFacts, policy: ColourPolicy, today: string): DerivedColour {
  const ctx = contextOf(policy, today);
  const issues = validateHouseholdFacts(facts);
  if (issues.length > 0) {
    throw new RangeError(`invalid household facts: ${issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
  }
  const findings: ColourReason[] = [];
  let present = 0;
  facts.residents.forEach((r, i) => {
    if (r.present === false) return;
    present++;
    findings.push(...residentFindings(r, i, ctx));
  });
  if (present === 0)
    return { colour: 'white', reasons: [{ code: 'nobody_present', colour: 'white' }], milder: [] };
  if (findings.length === 0) {
    return { colour: 'green', reasons: [{ code: 'stayed_no_symptoms', colour: 'green' }], milder: [] };
  }
  // most severe first; within a colour, by resident and then in the order of the rules (sort is stable)
  findings.sort((a, b) => compareColours(a.colour, b.colour));
  const colour = findings[0].colour;
  return {
    colour,
    reasons: findings.filter((f) => f.colour === colour),
    milder: findings.filter((f) => f.colour !== colour),
  };
}
