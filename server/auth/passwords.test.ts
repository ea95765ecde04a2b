import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, OWASP_SCRYPT, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('stores a self-describing scrypt string with the OWASP parameters and verifies it', async () => {
    const stored = await hashPassword('correct horse battery');
    const [name, N, r, p, salt, hash] = stored.split('$');
    expect([name, Number(N), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 17, 8, 1]);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  }, 20_000);

  it('salts every hash', async () => {
    const params = { ...OWASP_SCRYPT, N: 2 ** 10 }; // cheap: only uniqueness is tested here
    expect(await hashPassword('same', params)).not.toBe(await hashPassword('same', params));
  });

  it('verifies hashes made with other parameters (they are read from the string)', async () => {
    const stored = await hashPassword('old password', { N: 2 ** 14, r: 8, p: 1 });
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('old password', stored)).toBe(true);
  });

  it.each(['', 'bcrypt$x', 'scrypt$3$8$1$c2FsdA$aGFzaA', 'scrypt$1073741824$8$1$c2FsdA$aGFzaA'])('rejects a malformed or abusive stored value %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('generates readable passwords in 4 groups without look-alike characters', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}$/);
  });
});
