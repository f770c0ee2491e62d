// What a viewer may see of a birth date beside a masked ID number (issue 11, finding 1). The eight
// hidden digits of an ID number are the birth date: shown in clear next to the mask, they give the
// number away. Without pii.reveal on the person's unit, only the year is shown. Pure, no I/O.

export interface ShownBirth {
  /** YYYY-MM-DD, only for a viewer who may reveal the person's ID number; else null */
  birthDate: string | null;
  /** the year of birth, for everyone who sees the person (null when unknown) */
  birthYear: number | null;
}

/** The birth date as a viewer sees it: all of it with `full` (pii.reveal), else the year alone. */
export function shownBirth(birthDate: string | null | undefined, full: boolean): ShownBirth {
  const year = birthDate && /^\d{4}-/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;
  return { birthDate: full ? (birthDate ?? null) : null, birthYear: year };
}

/** A birth date in a history row, as a viewer without `full` sees it: its year ('1980-03-08' → '1980'). */
export function shownBirthText<T>(value: T, full: boolean): T | string {
  if (full || typeof value !== 'string') return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.slice(0, 4) : value;
}
