// The roster's vocabulary: shift patterns, shifts to fill, the people who may fill them, and what the
// auto-scheduler answers. Pure types shared by the scheduler (scheduler.ts), the server's roster service
// and the web. Times are epoch milliseconds; days are 'YYYY-MM-DD' in Asia/Shanghai (DESIGN rule 7).

/**
 * Qualifications a shift may need: a skill a person has declared (医疗, 驾驶, 警务, 消杀…) or what a person is
 * (a sent-down cadre, a party member). See qualificationsOf in qualifications.ts.
 */
export const SKILLS = [
  'medical', // 医疗: temperature, health checks, sampling 医护
  'police', // 警务: guiding cars into the check lane 公安
  'transport', // 交通: registering vehicles 交通运输
  'driving', // 驾驶
  'disinfection', // 消杀
  'publicity', // 宣传: leaflets, loudspeakers 宣讲
  'registration', // 登记: real-name registration at a gate 信息登记
  'logistics', // 后勤: meals, supplies 后勤保障
  'psychology', // 心理疏导
] as const;
export type Skill = (typeof SKILLS)[number];

/** What a person is, usable as a need beside skills: 'cadre' (下沉干部), 'party_member' (党员). */
export const STANDINGS = ['cadre', 'party_member'] as const;
export type Standing = (typeof STANDINGS)[number];

export type Qualification = Skill | Standing;

/** One place of a shift: `count` people, each with the qualification (or anyone when null). */
export interface ShiftNeed {
  qualification: Qualification | null;
  count: number;
}

/** One shift of a pattern, as clock times in Asia/Shanghai; end ≤ start means it ends the next day. */
export interface PatternShift {
  label: string; // 早班, 中班, 夜班, 白班…
  start: string; // 'HH:MM'
  end: string; // 'HH:MM'
  needs: ShiftNeed[];
}

/** A facility's shift pattern: two day shifts, three shifts round the clock (三班倒), four shifts (四班运转). */
export interface ShiftPattern {
  name: string;
  shifts: PatternShift[];
}

/** A concrete shift to staff. */
export interface ShiftToFill {
  id: string;
  facilityId: string;
  /** the unit path of the facility: people from nearby (the same subtree) are preferred */
  unitPath: string;
  day: string;
  label: string;
  start: number;
  end: number;
  needs: ShiftNeed[];
  /** people already on the shift (manual assignments, earlier runs); they count toward its needs */
  assigned?: Array<{ personId: string; qualification: Qualification | null }>;
}

/** When a person can serve. Absent fields mean no restriction. */
export interface Availability {
  /** ISO weekdays 1 (Monday) … 7 (Sunday) */
  weekdays?: number[];
  /** 'day' (shifts starting 06:00–17:59) and/or 'night' (the rest) */
  parts?: Array<'day' | 'night'>;
  from?: string; // 'YYYY-MM-DD'
  to?: string; // 'YYYY-MM-DD'
  /** hours a week at most (the rules' maximum otherwise) */
  maxHoursPerWeek?: number;
}

/** A person the scheduler may put on shifts. */
export interface Candidate {
  id: string;
  /** the person's unit path: where they serve */
  unitPath: string;
  qualifications: Qualification[];
  availability: Availability;
  /** hours already on the roster before this run (earlier weeks, manual shifts), for balance */
  hoursBefore?: number;
  /** shifts already held elsewhere in the period (so the run does not overlap them) */
  busy?: Array<{ start: number; end: number }>;
}

export interface ScheduleRules {
  /** minimum rest between two shifts of one person, hours (e.g. 8) */
  minRestHours: number;
  /** hours a week at most for anybody (e.g. 56) */
  maxHoursPerWeek: number;
}

export const DEFAULT_RULES: ScheduleRules = { minRestHours: 8, maxHoursPerWeek: 56 };

export interface Assignment {
  shiftId: string;
  personId: string;
  qualification: Qualification | null;
}

/** Why a place stayed empty: counts of candidates turned away, by reason. */
export interface UnfilledPlace {
  shiftId: string;
  qualification: Qualification | null;
  missing: number;
  /** nobody in reach has the qualification at all */
  noneQualified: boolean;
  rejected: {
    unavailable: number; // outside their days, parts of the day or dates
    overlapping: number; // on another shift at the time
    resting: number; // less than the minimum rest since or before another shift
    overHours: number; // would pass the weekly maximum
  };
}

export interface HoursSpread {
  people: number; // people with at least one shift
  min: number;
  max: number;
  mean: number;
  stddev: number;
}

export interface ScheduleResult {
  assignments: Assignment[];
  unfilled: UnfilledPlace[];
  /** hours per person on shifts of this run (people with none are absent) */
  hours: Map<string, number>;
  spread: HoursSpread;
  /** places needed, places filled (including those already assigned) */
  needed: number;
  filled: number;
}
