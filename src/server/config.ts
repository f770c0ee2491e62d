import { resolve } from 'node:path';

// Configuration from the environment (the stable contract: WANGGE_DATA_DIR, PORT, DATABASE_URL,
// WANGGE_ADMIN_PASSWORD, WANGGE_DATA_KEY; see docs/operations.md).
export interface Config {
  port: number;
  /** HOST; unset: 127.0.0.1 for a demo (its users share a published password), else 0.0.0.0 */
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  dataKey: string | undefined;
  demo: boolean;
  logLevel: string;
  /** cookies need Secure when served over https */
  secureCookies: boolean;
  /** the deployment's city (or province) whose official divisions are imported on first start */
  region: string;
  /** login attempts per minute from one address */
  loginRateLimit: number;
  /**
   * The ledger's day, when it is not today in Asia/Shanghai: a demonstration or a training replays the
   * winter of 2020 (the demo city's facts are dated then). WANGGE_TODAY=YYYY-MM-DD; demo default 2020-02-05.
   */
  today: string | undefined;
  /** how often missed and understaffed shifts are looked for and pushed to the offices (seconds) */
  dutySweepSeconds: number;
  /** how often open event streams are checked against their sessions and grants (seconds) */
  streamRecheckSeconds: number;
  /**
   * How the codes that prove a person behind a public call-up sign-up reach the phone (platform/sms.ts):
   * `webhook` posts them to the operator's SMS gateway (WANGGE_SMS_WEBHOOK_URL); `console` writes them to
   * the server log; `dev` also shows them on the sign-up page (demo and tests). WANGGE_SMS; demo: dev.
   */
  smsSender: 'webhook' | 'console' | 'dev';
  smsWebhookUrl: string | undefined;
  /** codes one call-up may send in a minute, from all addresses together (WANGGE_CALLUP_CODES_PER_MINUTE) */
  callupCodesPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || undefined,
    dataDir: resolve(env.WANGGE_DATA_DIR ?? './data'),
    databaseUrl,
    adminPassword: env.WANGGE_ADMIN_PASSWORD || undefined,
    dataKey: env.WANGGE_DATA_KEY || undefined,
    // The demo city is seeded on first start of an embedded database unless WANGGE_DEMO=0.
    demo: env.WANGGE_DEMO ? env.WANGGE_DEMO !== '0' : !databaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.WANGGE_SECURE_COOKIES === '1',
    region: env.WANGGE_REGION ?? '4101',
    loginRateLimit: Number(env.WANGGE_LOGIN_RATE_LIMIT ?? 30),
    today: todayOf(env, databaseUrl),
    dutySweepSeconds: Math.max(1, Number(env.WANGGE_DUTY_SWEEP_SECONDS ?? 300) || 300),
    streamRecheckSeconds: Math.max(1, Number(env.WANGGE_STREAM_RECHECK_SECONDS ?? 15) || 15),
    ...smsOf(env, databaseUrl),
    callupCodesPerMinute: Math.max(1, Number(env.WANGGE_CALLUP_CODES_PER_MINUTE ?? 60) || 60),
  };
}

function smsOf(env: NodeJS.ProcessEnv, databaseUrl: string | undefined) {
  const smsWebhookUrl = env.WANGGE_SMS_WEBHOOK_URL?.trim() || undefined;
  const given = env.WANGGE_SMS?.trim();
  if (given && !['webhook', 'console', 'dev'].includes(given))
    throw new Error(`WANGGE_SMS must be webhook, console or dev, not '${given}'`);
  const demo = env.WANGGE_DEMO ? env.WANGGE_DEMO !== '0' : !databaseUrl;
  const smsSender = (given ?? (smsWebhookUrl ? 'webhook' : demo ? 'dev' : 'console')) as Config['smsSender'];
  if (smsSender === 'webhook' && !smsWebhookUrl)
    throw new Error('WANGGE_SMS=webhook needs WANGGE_SMS_WEBHOOK_URL');
  return { smsSender, smsWebhookUrl };
}

/** The demo city lives in February 2020; a real deployment lives today (see Config.today). */
export const DEMO_TODAY = '2020-02-05';

function todayOf(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): string | undefined {
  const given = env.WANGGE_TODAY?.trim();
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(given))) {
      throw new Error(`WANGGE_TODAY must be a date YYYY-MM-DD, not '${given}'`);
    }
    return given;
  }
  const demo = env.WANGGE_DEMO ? env.WANGGE_DEMO !== '0' : !databaseUrl;
  return demo ? DEMO_TODAY : undefined;
}
