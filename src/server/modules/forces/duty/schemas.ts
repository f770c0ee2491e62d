import { z } from 'zod';
import { isDay } from '../../../../domain/forces/duty';
import { QUALIFICATIONS } from '../../../../domain/forces/qualifications';
import { type Qualification, SKILLS } from '../../../../domain/forces/schedule';

// The zod schemas the duty routes share.

export const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
export const dbId = z.string().regex(/^\d{1,18}$/);
export const day = z.string().refine(isDay, { message: 'YYYY-MM-DD' });
export const unitCode = z.string().min(2).max(24);
export const qualification = z.enum(QUALIFICATIONS as unknown as [Qualification, ...Qualification[]]);

export const patternSchema = z.object({
  name: z.string().trim().min(1).max(40),
  shifts: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(20),
        start: z.string().max(5),
        end: z.string().max(5),
        needs: z
          .array(
            z.object({ qualification: qualification.nullable(), count: z.number().int().min(1).max(50) }),
          )
          .max(12),
      }),
    )
    .max(8),
});

export const availabilitySchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  parts: z
    .array(z.enum(['day', 'night']))
    .max(2)
    .optional(),
  from: day.optional(),
  to: day.optional(),
  maxHoursPerWeek: z.number().min(1).max(84).optional(),
});

export const rulesSchema = z
  .object({
    minRestHours: z.number().min(0).max(48).optional(),
    maxHoursPerWeek: z.number().min(1).max(168).optional(),
  })
  .optional();

export const skillsSchema = z.array(z.enum(SKILLS)).max(SKILLS.length);

/** A roster target: facilities by id, a unit's subtree or a call-up's stations; and a range of days. */
export const targetRange = z.object({
  facilityIds: z.array(dbId).min(1).max(2000).optional(),
  unitCode: unitCode.optional(),
  callupId: dbId.optional(),
  from: day,
  to: day,
});

export const pageQuery = {
  after: dbId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};
