import type { Migration } from 'kysely';
import * as m001 from './001_foundation';
import * as m002 from './002_ledger';
import * as m003 from './003_forces';
import * as m004 from './004_duty';
import * as m005 from './005_search_pinyin';
import * as m006 from './006_platform_clock';
import * as m007 from './007_uniqueness';
import * as m008 from './008_sessions';
import * as m010 from './010_masks';
import * as m011 from './011_callup_proof';
import * as m012 from './012_import_mappings';
import * as m013 from './013_name_search';
import * as m014 from './014_checkpoints';
import * as m015 from './015_gates';
import * as m016 from './016_isolation';
import * as m017 from './017_isolation_lists';
import * as m018 from './018_care';
import * as m019 from './019_key_person_tallies';

// Every migration, in order. Add a module's migration here (name: NNN_what).
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_ledger': m002,
  '003_forces': m003,
  '004_duty': m004,
  '005_search_pinyin': m005,
  '006_platform_clock': m006,
  '007_uniqueness': m007,
  '008_sessions': m008,
  '010_masks': m010,
  '011_callup_proof': m011,
  '012_import_mappings': m012,
  '013_name_search': m013,
  '014_checkpoints': m014,
  '015_gates': m015,
  '016_isolation': m016,
  '017_isolation_lists': m017,
  '018_care': m018,
  '019_key_person_tallies': m019,
};
