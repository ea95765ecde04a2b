import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { HttpError } from '../net/http.ts';
import { createWardStore } from './ward-store.ts';

const refusing = (err: Error) => ({
  login: () => Promise.reject(err),
  logout: () => Promise.resolve(),
  me: () => Promise.reject(new HttpError(401, 'unauthorized', 'Please log in')),
});

describe('ward login problems', () => {
  it.each([
    [new HttpError(401, 'invalid_credentials', 'Wrong username or password'), 'ward.problem.badLogin'],
    [new HttpError(429, 'too_many_requests', 'Too many failed logins', 600), 'ward.problem.locked'],
    [new HttpError(429, 'login_busy', 'Many logins are being checked', 1), 'ward.problem.busy'],
  ])('a refused login (%s) says why, not "the server has a problem"', async (err, key) => {
    await createRoot(async (dispose) => {
      const store = createWardStore(refusing(err) as never);
      await store.login('lan', 'a password');
      expect(store.problem()).toBe(key);
      dispose();
    });
  });
});
