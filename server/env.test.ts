import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv({})).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      NODE_ENV: 'development',
      DIST_DIR: './dist',
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
    });
  });

  it('treats empty strings as unset and coerces numbers and flags', () => {
    expect(parseEnv({ PORT: '', HOST: '127.0.0.1', TRUST_PROXY: 'true' })).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', TRUST_PROXY: true });
    expect(parseEnv({ PORT: '3000' }).PORT).toBe(3000);
  });

  it('normalises PUBLIC_ORIGIN to an origin', () => {
    expect(parseEnv({ PUBLIC_ORIGIN: 'https://hocvuso.example.vn/' }).PUBLIC_ORIGIN).toBe('https://hocvuso.example.vn');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['PUBLIC_ORIGIN', 'hocvuso.example.vn'],
    ['PUBLIC_ORIGIN', 'https://hocvuso.example.vn/app'],
    ['PUBLIC_ORIGIN', 'ftp://hocvuso.example.vn'],
    ['TRUST_PROXY', 'maybe'],
  ])('rejects %s=%s', (key, value) => {
    expect(() => parseEnv({ [key]: value })).toThrow();
  });
});
