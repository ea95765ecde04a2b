import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';
import { generatePassword } from './passwords.ts';

const codeOf = async (password: string, username?: string) => (await checkPassword(password, username))?.code;

describe('staff password policy', () => {
  it('refuses passwords from the common list, whatever their case', async () => {
    expect(await codeOf('password1')).toBe('password_too_common');
    expect(await codeOf('PassWord1')).toBe('password_too_common');
    expect(await codeOf('12345678')).toBe('password_too_common');
    // Vietnamese favourites are on the list too.
    expect(await codeOf('anhyeuem')).toBe('password_too_common');
    expect(await codeOf('AnhYeuEm')).toBe('password_too_common');
    // …and so are local words with digits or symbols after them, which the English list misses.
    expect(await codeOf('matkhau123')).toBe('password_too_common');
    expect(await codeOf('MatKhau2024!')).toBe('password_too_common');
    expect(await codeOf('hocvuso2025')).toBe('password_too_common');
    expect(await codeOf('matkhau của tổ 3')).toBeUndefined();
  });

  it('counts characters, not bytes, and refuses short and overlong passwords', async () => {
    expect(await codeOf('Trăng7!')).toBe('password_too_short');
    // 8 Vietnamese characters (more than 8 bytes in UTF-8) are enough.
    expect(await codeOf('Hồ Gươm7')).toBeUndefined();
    // The same text written decomposed (NFD) counts the same.
    expect(await codeOf('Hồ Gươm7'.normalize('NFD'))).toBeUndefined();
    expect(await codeOf('x'.repeat(257))).toBe('password_too_long');
  });

  it('refuses the username as password', async () => {
    expect(await codeOf('Lan.Nguyen', 'lan.nguyen')).toBe('password_is_username');
    expect(await codeOf('lan.nguyen-2025', 'lan.nguyen')).toBeUndefined();
  });

  it('accepts long passphrases and every generated password', async () => {
    expect(await codeOf('correct horse battery')).toBeUndefined();
    expect(await codeOf('tổ dân phố số 3 học bài')).toBeUndefined();
    for (let i = 0; i < 200; i++) expect(await codeOf(generatePassword())).toBeUndefined();
  });
});
