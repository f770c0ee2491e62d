import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { Events } from './events';
import type { PersonalDataProtector } from './personalData';

/** What every module's service functions get: the database, personal-data protection, events, config. */
export interface Services {
  db: Db;
  protector: PersonalDataProtector;
  events: Events;
  config: Config;
}
