// The one rule from a failed call to a sentence: the server's code if the
// screen has words for it, else the status, else "failed" with the server's
// message; no answer at all reads "offline".
import { describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import '../admin/strings.ts';
import { errorMessage, errorText, type ErrorKeys } from './error-message.ts';
import { HttpError, NetworkError } from './http.ts';

const KEYS: ErrorKeys = {
  offline: 'k.offline',
  failed: 'k.failed',
  byStatus: { 401: 'k.login', 403: 'k.forbidden', 404: 'k.unknown', 429: 'k.busy' },
  byCode: { recovery_code_used: 'k.used', too_many_requests: 'k.tooMany' },
};
const phoneOnline = () => false; // isOffline: the phone says it is online
const keyOf = (err: unknown, keys = KEYS, isOffline = phoneOnline) => errorMessage(err, keys, isOffline).key;

describe('errorMessage', () => {
  it.each([
    [401, 'k.login'],
    [403, 'k.forbidden'],
    [404, 'k.unknown'],
    [429, 'k.busy'],
    [500, 'k.failed'],
    [409, 'k.failed'],
  ])('maps status %i to %s', (status, key) => {
    expect(keyOf(new HttpError(status, `http_${status}`, 'm'))).toBe(key);
  });

  it('prefers the server code over the status', () => {
    expect(keyOf(new HttpError(429, 'too_many_requests', 'wait'))).toBe('k.tooMany');
    expect(keyOf(new HttpError(400, 'recovery_code_used', 'used'))).toBe('k.used');
  });

  it('does not take a code from the table prototype', () => {
    expect(keyOf(new HttpError(400, 'constructor', 'x'))).toBe('k.failed');
    expect(keyOf(new HttpError(400, 'toString', 'x'))).toBe('k.failed');
  });

  it('passes the server message for {{message}}', () => {
    expect(errorMessage(new HttpError(400, 'bad_range', 'from after to'), KEYS, phoneOnline)).toEqual({ key: 'k.failed', params: { message: 'from after to' } });
  });

  it('reads no answer as offline, whatever the tables say', () => {
    expect(keyOf(new NetworkError('Failed to fetch'))).toBe('k.offline');
    expect(keyOf(new NetworkError('Failed to fetch'), { offline: 'a.offline', failed: 'a.failed' })).toBe('a.offline');
  });

  it('reads an error that is not about the network as failed, or offline when the screen says so', () => {
    const bug = new TypeError('x is undefined');
    expect(errorMessage(bug, KEYS, phoneOnline)).toEqual({ key: 'k.failed', params: { message: 'x is undefined' } });
    expect(keyOf(bug, { ...KEYS, other: 'offline' })).toBe('k.offline');
    expect(keyOf('a string thrown')).toBe('k.failed');
  });

  it('reads any non-answer as offline when the phone says it is offline', () => {
    expect(keyOf(new TypeError('storage'), KEYS, () => true)).toBe('k.offline');
    // An answer is an answer: the status decides even if the phone thinks it is offline.
    expect(keyOf(new HttpError(403, 'forbidden', 'no'), KEYS, () => true)).toBe('k.forbidden');
  });

  it('lets a screen use one key for offline and failed', () => {
    const keys: ErrorKeys = { offline: 'k.failed', failed: 'k.failed', byCode: { cannot_disable_self: 'k.self' } };
    expect(errorMessage(new NetworkError('Failed to fetch'), keys, phoneOnline)).toEqual({ key: 'k.failed', params: { message: 'Failed to fetch' } });
    expect(keyOf(new HttpError(409, 'cannot_disable_self', 'self'), keys)).toBe('k.self');
  });
});

describe('errorText', () => {
  it('translates with the server message and the screen params', () => {
    const keys: ErrorKeys = { offline: 'wardAdmin.offline', failed: 'wardAdmin.error', byStatus: { 409: 'wardAdmin.groups.inUse' } };
    expect(errorText(new HttpError(409, 'group_in_use', 'in use'), keys, { name: 'Tổ 3' })).toContain('Tổ 3');
    expect(errorText(new HttpError(500, 'internal', 'disk full'), keys)).toContain('disk full');
  });
});
