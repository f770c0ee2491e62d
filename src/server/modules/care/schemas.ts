import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/keyAreas';

// The schemas the care routes share (the worker's form and the household's page ask the same way).

export const key = z.string().regex(/^\d{6}-\d{1,18}$/);
export const day = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
export const short = (n: number) => z.string().max(n);

/** What a request asks for: the worker's form and the household's page share it. */
export const askBody = z.object({
  items: z
    .array(
      z.object({
        kind: short(20),
        quantity: z.number(),
        unit: short(10).optional(),
        name: short(60).nullish(),
      }),
    )
    .max(50)
    .optional(),
  help: z.array(short(20)).max(10).optional(),
  note: short(500).nullish(),
  day: day.optional(),
  dueAt: short(40).optional(),
  urgent: z.boolean().optional(),
});
