import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { filesDirOf, parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv({})).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      DEPLOYMENT: 'ward',
      NODE_ENV: 'development',
      DIST_DIR: './dist',
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
    });
  });

  it('serves a city only when DEPLOYMENT=city, and refuses any other value', () => {
    expect(parseEnv({ DEPLOYMENT: 'city' }).DEPLOYMENT).toBe('city');
    expect(parseEnv({ DEPLOYMENT: '' }).DEPLOYMENT).toBe('ward');
    expect(() => parseEnv({ DEPLOYMENT: 'town' })).toThrow();
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
    ['DATABASE_URL', 'mysql://localhost/hvs'],
    ['DATABASE_URL', 'hoc-vu-so.sqlite'],
    ['SPOT_CHECK_KEY', 'secret'],
  ])('rejects %s=%s', (key, value) => {
    expect(() => parseEnv({ [key]: value })).toThrow();
  });

  it('takes a PostgreSQL DATABASE_URL in either spelling, and leaves it unset by default', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://hvs:pw@db.example.vn:5432/hvs' }).DATABASE_URL).toBe('postgres://hvs:pw@db.example.vn:5432/hvs');
    expect(parseEnv({ DATABASE_URL: 'postgresql://hvs@localhost/hvs' }).DATABASE_URL).toBe('postgresql://hvs@localhost/hvs');
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('takes a read replica only beside a PostgreSQL primary, saying why otherwise', () => {
    const primary = 'postgres://hvs@db.example.vn/hvs';
    const replica = 'postgres://hvs@replica.example.vn/hvs';
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).DATABASE_READ_URL).toBe(replica);
    expect(parseEnv({ DATABASE_URL: primary }).DATABASE_READ_URL).toBeUndefined();
    expect(() => parseEnv({ DATABASE_READ_URL: replica })).toThrow(/DATABASE_READ_URL[\s\S]*needs DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: 'replica.sqlite' })).toThrow(/streaming replica/);
  });

  it('keeps the files beside the database unless FILES_DIR says otherwise', () => {
    expect(filesDirOf(parseEnv({}))).toBe(join('./data', 'files'));
    expect(filesDirOf(parseEnv({ DATA_DIR: '/var/lib/hvs' }))).toBe('/var/lib/hvs/files');
    expect(filesDirOf(parseEnv({ FILES_DIR: '/srv/hvs-files' }))).toBe('/srv/hvs-files');
  });
});
