import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/services';
import { publicAsk, publicHousehold } from './links';
import { askBody } from './schemas';

// The household's own page (扫码下单): its two routes, no login, rate-limited per address as the
// checkpoints' self-registration is, replay-safe by clientId; they show that household's requests only.

const tags = ['care: household link'];
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** Requests per minute and address (a building behind one carrier NAT may use it at once). */
function perMinute(services: Services, n: number) {
  return Math.max(n, services.config.loginRateLimit);
}

export function publicRoutes(app: FastifyInstance, services: Services) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/public/care/:token', {
    schema: {
      tags,
      summary: 'What the household’s page shows: its door, whether it may ask today, its own latest requests',
      params: tokenParam,
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 60), timeWindow: '1 minute' },
    },
    handler: (req) => publicHousehold(services, req.locale, req.params.token),
  });

  typed.post('/api/public/care/:token/requests', {
    schema: {
      tags,
      summary:
        'The household asks for goods or help (replay-safe by clientId: the same request again); at most 5 waiting at once',
      params: tokenParam,
      body: askBody.extend({ clientId: z.uuid() }),
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 20), timeWindow: '1 minute' },
    },
    handler: async (req, reply) => {
      const r = await publicAsk(services, req.locale, req.params.token, req.body);
      return reply.status(r.created ? 201 : 200).send(r.request);
    },
  });
}
