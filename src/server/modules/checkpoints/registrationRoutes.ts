import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access';
import type { Services } from '../../platform/services';
import { publicCheckpoint, register, registrationDraft } from './registrations';
import { personSchema, vehicleSchema } from './schemas';

// Self-registration (扫码登记) before a checkpoint: the public page's two routes (no login, rate-limited
// per address as the call-up's sign-up is, replay-safe by clientId), and the staff's look-up by code.

const tags = ['checkpoints: self-registration'];
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** Requests per minute and address: a queue of cars behind one carrier NAT registers at once. */
function perMinute(services: Services, n: number) {
  return Math.max(n, services.config.loginRateLimit);
}

export function registrationRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/public/checkpoints/:token', {
    schema: {
      tags,
      summary: 'What the QR code’s page shows of a checkpoint: its name and address',
      params: tokenParam,
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 120), timeWindow: '1 minute' },
    },
    handler: (req) => publicCheckpoint(services, req.params.token),
  });

  app.post('/api/public/checkpoints/:token/registrations', {
    schema: {
      tags,
      summary:
        'Register before the checkpoint (replay-safe by clientId: the same code again); answers a 6-character code valid 2 hours',
      params: tokenParam,
      body: z.object({
        clientId: z.uuid(),
        direction: z.enum(['in', 'out']).optional(),
        vehicle: vehicleSchema.nullish(),
        people: z.array(personSchema).max(100),
      }),
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 30), timeWindow: '1 minute' },
    },
    handler: async (req, reply) => {
      const { created, ...answer } = await register(services, req.locale, req.params.token, req.body);
      return reply.status(created ? 201 : 200).send(answer);
    },
  });

  app.get('/api/checkpoints/registrations/:code', {
    schema: {
      tags,
      summary:
        'The passage draft of a live self-registration at a checkpoint (404: unknown, expired, confirmed)',
      params: z.object({ code: z.string().max(12) }),
      querystring: z.object({ facility: z.string().regex(/^\d{1,18}$/) }),
    },
    // scope: the facility's (404 outside it, checkpoints.test.ts); no matrix resource: the code is random
    config: { access: { permission: 'checkpoint.register' } },
    handler: (req) => registrationDraft(services, actorOf(req), req.params.code, req.query.facility),
  });
}
