import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Personal data (DESIGN rule 3): ID numbers and phones are stored encrypted with AES-256-GCM, beside a
// keyed hash (HMAC-SHA-256 "blind index") for exact lookup and de-duplication, and shown masked.

const VERSION = 1;

export interface PersonalDataProtector {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
  /** Blind index: equal inputs give equal outputs, and nothing can be learnt from it without the key. */
  blindIndex(kind: string, normalised: string): Buffer;
}

/**
 * Fresh random 96-bit IVs, drawn from a pool filled 4,096 at a time: randomBytes costs about as much as
 * the encryption itself, and bulk loads encrypt millions of values. Every IV is used once.
 */
function ivSource(): () => Buffer {
  const SIZE = 12;
  const COUNT = 4096;
  let pool = randomBytes(SIZE * COUNT);
  let next = 0;
  return () => {
    if (next === COUNT) {
      pool = randomBytes(SIZE * COUNT);
      next = 0;
    }
    return pool.subarray(SIZE * next, SIZE * ++next);
  };
}

export function createProtector(masterKey: Buffer): PersonalDataProtector {
  if (masterKey.length !== 32) throw new Error('WANGGE_DATA_KEY must be 32 bytes (base64 or hex)');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('wangge personal data encryption');
  const macKey = derive('wangge personal data blind index');
  const nextIv = ivSource();
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      if (sealed[0] !== VERSION) throw new Error('unknown personal data format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, normalised) {
      return createHmac('sha256', macKey).update(`${kind}:${normalised}`).digest();
    },
  };
}

export function parseKey(text: string): Buffer {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}

/**
 * The master key: WANGGE_DATA_KEY when set; otherwise, for the embedded database only, the key kept in
 * <dataDir>/data-key (made on first start, mode 600). Losing it loses every encrypted value: back it up.
 */
export async function loadMasterKey(opts: {
  dataKey?: string;
  dataDir: string;
  embedded: boolean;
}): Promise<Buffer> {
  if (opts.dataKey) return parseKey(opts.dataKey);
  const file = join(opts.dataDir, 'data-key');
  if (existsSync(file)) return parseKey(await readFile(file, 'utf8'));
  if (!opts.embedded) {
    throw new Error(
      'WANGGE_DATA_KEY is not set. With DATABASE_URL, give the personal-data key explicitly ' +
        '(32 random bytes in base64: `openssl rand -base64 32`); see docs/operations.md.',
    );
  }
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}
