import { z } from 'zod';

// The zod shapes the passage and the self-registration share.

const short = (n: number) => z.string().max(n);

const travelSchema = z.object({
  place: short(12),
  placeName: short(60).optional(),
  from: short(10).optional(),
  to: short(10).optional(),
});

export const personSchema = z.object({
  name: z.string().trim().min(1).max(30),
  idType: short(30).optional(),
  idNumber: short(30).optional(),
  phone: short(30).optional(),
  temperatureC: z.number().optional(),
  travel: z.array(travelSchema).max(20).optional(),
  healthCode: short(10).nullish(),
  itineraryCode: short(10).nullish(),
  destinationUnitCode: short(24).optional(),
  destinationAddress: short(120).optional(),
});

export const vehicleSchema = z.object({
  plate: short(20),
  kind: short(20),
  from: short(60).optional(),
  to: short(60).optional(),
  cargo: short(60).optional(),
});
