import { loadConfig } from '../config';
import type { Db } from '../db/connection';
import { type Events, publishOnly } from '../platform/events';
import { createProtector } from '../platform/personalData';
import type { Services } from '../platform/services';

// What the tests run with: a fixed personal-data key, the demo city, a known administrator password.
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
export const TEST_ADMIN_PASSWORD = 'Admin2020pw';

export const publishOnlyEvents: Events = publishOnly;

/** The configuration of the tests: the demo city, on its day (2020-02-05). */
export function testConfig() {
  return {
    ...loadConfig({}),
    adminPassword: TEST_ADMIN_PASSWORD,
    demo: true,
    dataDir: '/nonexistent',
    loginRateLimit: 10_000,
    smsSender: 'dev' as const, // the sign-up codes come back in the answer (testing/callups.ts)
  };
}

export function testServices(db: Db, events: Events = publishOnlyEvents): Services {
  return { db, protector: createProtector(TEST_DATA_KEY), events, config: testConfig() };
}
