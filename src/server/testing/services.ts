import { loadConfig } from '../config';
import type { Db } from '../db/connection';
import { type Events, publishEvent } from '../platform/events';
import { createProtector } from '../platform/personalData';
import type { Services } from '../platform/services';

// What the tests run with: a fixed personal-data key, the demo city, a known administrator password.
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
export const TEST_ADMIN_PASSWORD = 'Admin2020pw';

export const publishOnlyEvents: Events = {
  publish: publishEvent,
  subscribe: () => () => {},
  close: async () => {},
};

export function testServices(db: Db, events: Events = publishOnlyEvents): Services {
  const config = {
    ...loadConfig({}),
    adminPassword: TEST_ADMIN_PASSWORD,
    demo: true,
    dataDir: '/nonexistent',
    loginRateLimit: 10_000,
  };
  return { db, protector: createProtector(TEST_DATA_KEY), events, config };
}
