import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformToday } from '../../../platform/clock';
import type { Services } from '../../../platform/services';
import * as callups from './callups';
import { availabilitySchema, dbId, skillsSchema } from './schemas';
import * as proof from './signupProof';

// The public side of a call-up: what the link and QR code show, and the sign-up from a phone. No login;
// rate-limited per address; a closed or unknown call-up answers 404. A sign-up needs the code sent to
// its phone (signupProof.ts), and a call-up sends a limited number of codes a minute.

const tags = ['forces: call-ups (public)'];
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** Requests per minute and address: a crowd behind one carrier NAT signs up at once, so not too few. */
function perMinute(services: Services, n: number) {
  return Math.max(n, services.config.loginRateLimit);
}

export function signupRoutes(appBase: FastifyInstance, services: Services) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/api/public/callups/:token', {
    schema: {
      tags,
      summary:
        'What a volunteer sees of an open call-up: dates, shifts, stations, places left (approvals only), where a sign-up would go',
      params: tokenParam,
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 120), timeWindow: '1 minute' },
    },
    handler: (req) => callups.publicCallup(services, req.params.token),
  });

  app.post('/api/public/callups/:token/codes', {
    schema: {
      tags,
      summary:
        'Send a code by SMS to the phone about to sign up (the proof of a person); limited per phone and per call-up',
      params: tokenParam,
      body: z.object({ phone: z.string().trim().min(1).max(30) }),
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 30), timeWindow: '1 minute' },
    },
    handler: async (req, reply) =>
      reply
        .status(202)
        .send(await proof.sendSignupCode(services, req.locale, req.params.token, req.body, req.log)),
  });

  app.post('/api/public/callups/:token/signups', {
    schema: {
      tags,
      summary:
        'Sign up with the code sent to the phone (replay-safe by clientId; one per phone); beyond the places left it joins the waiting list; refused when approvals fill it',
      params: tokenParam,
      body: z.object({
        clientId: z.uuid(),
        name: z.string().trim().min(1).max(30),
        phone: z.string().trim().min(1).max(30),
        idNumber: z.string().trim().max(30).nullish(),
        skills: skillsSchema.optional(),
        availability: availabilitySchema.optional(),
        facilityId: dbId.nullish(),
        /** the code sent to the phone (POST …/codes): the proof of a person */
        code: z.string().trim().min(1).max(12),
      }),
    },
    config: {
      access: { public: true },
      rateLimit: { max: perMinute(services, 30), timeWindow: '1 minute' },
    },
    handler: async (req, reply) => {
      const today = platformToday(services.config);
      const answer = await callups.publicSignup(services, req.locale, req.params.token, req.body, today);
      const { created, ...body } = answer;
      return reply.status(created ? 201 : 200).send(body);
    },
  });
}
