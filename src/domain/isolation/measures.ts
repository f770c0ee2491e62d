import type { Locale } from '../i18n/messages';
import type { IsolationKind } from '../ledger/colour/facts';
import { addDays } from '../ledger/keyAreas';
import type { KeyPersonCategory } from './keyPerson';

// 管控措施 — the measures a key person is put under, their periods and how they end.

/** 居家隔离, 集中隔离, 居家观察, 健康监测 */
export const MEASURE_KINDS = [
  'home_isolation',
  'centralised',
  'home_observation',
  'health_monitoring',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_LABELS: Record<MeasureKind, Record<Locale, string>> = {
  home_isolation: { 'zh-CN': '居家隔离', en: 'home isolation' },
  centralised: { 'zh-CN': '集中隔离', en: 'centralised isolation' },
  home_observation: { 'zh-CN': '居家观察', en: 'home observation' },
  health_monitoring: { 'zh-CN': '健康监测', en: 'health monitoring' },
};

/**
 * The ledger's isolation fact of a measure, which sets the household's colour by the rules that exist:
 * home isolation and home observation (居家医学观察: the person stays at home) are 'home' (orange),
 * centralised isolation 'centralised' (red by default: key attention), health monitoring yellow.
 */
export const LEDGER_FACT_OF: Record<MeasureKind, Exclude<IsolationKind, 'none'>> = {
  home_isolation: 'home',
  centralised: 'centralised',
  home_observation: 'home',
  health_monitoring: 'health_monitoring',
};

/** How a measure ends: released (解除), transferred (转运, to a clinic or another measure), moved elsewhere. */
export const END_REASONS = ['released', 'transferred', 'moved'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** One stage of a category's rule: a measure for a number of days. */
export interface MeasureStage {
  kind: MeasureKind;
  days: number;
}

/**
 * The deployment's rule: the stages each category goes through. The default is the usual one of
 * 2020 (14 days), and 14 + 7 for people back from key areas and close contacts (14 days isolated, then
 * 7 of health monitoring). A deployment sets its own in the settings (`isolation.rules`).
 */
export type MeasureRules = Record<KeyPersonCategory, MeasureStage[]>;

export const DEFAULT_MEASURE_RULES: MeasureRules = {
  key_area: [
    { kind: 'home_isolation', days: 14 },
    { kind: 'health_monitoring', days: 7 },
  ],
  close_contact: [
    { kind: 'centralised', days: 14 },
    { kind: 'health_monitoring', days: 7 },
  ],
  secondary_contact: [{ kind: 'home_isolation', days: 14 }],
  inbound: [{ kind: 'home_observation', days: 14 }],
  fever: [{ kind: 'health_monitoring', days: 14 }],
  other: [{ kind: 'home_observation', days: 14 }],
};

/** Days a measure lasts when the category's rule has no stage of that kind. */
export const DEFAULT_DAYS = 14;

/** The measure a category starts with, by the rule. */
export function firstMeasure(
  category: KeyPersonCategory,
  rules: MeasureRules = DEFAULT_MEASURE_RULES,
): MeasureKind {
  return (rules[category]?.[0] ?? { kind: 'home_observation' }).kind;
}

/**
 * The planned last day (inclusive) of a measure of `kind` starting on `startsOn`: the days of that kind's
 * stage in the category's rule (14 by default). A 14-day period starting on 1 February ends on the 14th.
 */
export function plannedEnd(
  kind: MeasureKind,
  category: KeyPersonCategory,
  startsOn: string,
  rules: MeasureRules = DEFAULT_MEASURE_RULES,
): string {
  const stage = rules[category]?.find((s) => s.kind === kind);
  return addDays(startsOn, (stage?.days ?? DEFAULT_DAYS) - 1);
}

/** The next stage after `kind` in the category's rule (健康监测 after 居家隔离), if any. */
export function nextStage(
  kind: MeasureKind,
  category: KeyPersonCategory,
  rules: MeasureRules = DEFAULT_MEASURE_RULES,
): MeasureStage | undefined {
  const stages = rules[category] ?? [];
  const i = stages.findIndex((s) => s.kind === kind);
  return i < 0 ? undefined : stages[i + 1];
}

/** Day n of the period (1 on the first day), for "第 n 天"; 0 before it starts. */
export function dayOfPeriod(startsOn: string, today: string): number {
  if (today < startsOn) return 0;
  return Math.round((Date.parse(today) - Date.parse(startsOn)) / 86_400_000) + 1;
}

/**
 * Whether a measure may be released on `day`: its planned end reached (the last day or after). Testing,
 * when it exists, adds its own condition (the required tests negative).
 */
export function releasable(m: { plannedEnd: string }, day: string): boolean {
  return day >= m.plannedEnd;
}
