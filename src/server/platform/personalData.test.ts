import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProtector, parseKey } from './personalData';

describe('personal data protection', () => {
  const p = createProtector(randomBytes(32));

  it('encrypts so that the same value never looks the same, and decrypts it back', () => {
    const a = p.encrypt('11010519491231002X');
    const b = p.encrypt('11010519491231002X');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(p.decrypt(a)).toBe('11010519491231002X');
  });

  it('never uses an IV twice, across refills of the IV pool', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const sealed = p.encrypt('13812345678');
      ivs.add(sealed.subarray(1, 13).toString('hex'));
      if (i % 997 === 0) expect(p.decrypt(sealed)).toBe('13812345678');
    }
    expect(ivs.size).toBe(10_000);
  });

  it('refuses a tampered value', () => {
    const sealed = p.encrypt('13812345678');
    sealed[sealed.length - 1] ^= 1;
    expect(() => p.decrypt(sealed)).toThrow();
  });

  it('gives a stable blind index per kind, different under another key', () => {
    expect(p.blindIndex('phone', '13812345678').equals(p.blindIndex('phone', '13812345678'))).toBe(true);
    expect(p.blindIndex('phone', '13812345678').equals(p.blindIndex('id', '13812345678'))).toBe(false);
    const other = createProtector(randomBytes(32));
    expect(other.blindIndex('phone', '13812345678').equals(p.blindIndex('phone', '13812345678'))).toBe(false);
  });

  it('reads keys in hex or base64 and rejects a short key', () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => createProtector(randomBytes(16))).toThrow(/32 bytes/);
  });
});
