import { hash, verify } from '@node-rs/argon2';

// argon2id (the @node-rs/argon2 default algorithm) with the OWASP-recommended memory and time costs.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// The rules a new password must pass are in domain/access/passwordStrength.ts.
