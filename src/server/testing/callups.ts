import type { LightMyRequestResponse } from 'fastify';

// Public call-up sign-ups in the API tests: the code the phone would receive, read from the answer of
// the dev SMS sender (testConfig sets WANGGE_SMS=dev).

interface Caller {
  call(
    method: string,
    url: string,
    cookie: string | undefined,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/** Asks a code for the body's phone, then signs up with it (the answer of the sign-up, or of the code when refused). */
export async function signUpWithCode(
  t: Caller,
  token: string,
  body: Record<string, unknown> & { phone: string },
): Promise<LightMyRequestResponse> {
  const sent = await t.call('POST', `/api/public/callups/${token}/codes`, undefined, { phone: body.phone });
  if (sent.statusCode !== 202) return sent; // a bad phone, a full call-up: the code's answer says it
  return t.call('POST', `/api/public/callups/${token}/signups`, undefined, {
    ...body,
    code: sent.json().devCode,
  });
}
