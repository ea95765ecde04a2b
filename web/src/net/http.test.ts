// The one HTTP client: how a call is built (who is asking, JSON body) and how
// a failure comes back (HttpError with the server's code and Retry-After,
// NetworkError when there is no answer).
import { describe, expect, it } from 'vitest';
import { buildRequest, createRequest, HttpError, NetworkError, parseRetryAfter, withQuery } from './http.ts';

describe('buildRequest', () => {
  it('sends a public GET as is', () => {
    expect(buildRequest()).toEqual({});
  });

  it('rides on the cookie session for staff, JSON on every write (the CSRF guard wants it)', () => {
    expect(buildRequest({ as: 'staff' })).toEqual({ credentials: 'same-origin' });
    expect(buildRequest({ as: 'staff', method: 'POST', json: { a: 1 } })).toEqual({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      credentials: 'same-origin',
    });
    expect(buildRequest({ as: 'staff', method: 'DELETE' })).toEqual({ method: 'DELETE', headers: { 'content-type': 'application/json' }, credentials: 'same-origin' });
  });

  it('sends a learner as a bearer token, never with the staff credentials option', () => {
    const init = buildRequest({ as: { learnerId: 'L1', secret: 's3cret' }, method: 'POST', json: {} });
    expect(init).toEqual({ method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer L1.s3cret' }, body: '{}' });
    expect(buildRequest({ as: { learnerId: 'L1', secret: 's' } })).toEqual({ headers: { authorization: 'Bearer L1.s' } });
  });
});

describe('request', () => {
  const answering = (res: () => Response) => createRequest(async () => res());

  it('returns the JSON answer', async () => {
    expect(await answering(() => Response.json({ ok: 1 }))('/x')).toEqual({ ok: 1 });
  });

  it('turns an error answer into HttpError with the server code, message, Retry-After and details', async () => {
    const err = await answering(() =>
      Response.json({ error: { code: 'too_many_requests', message: 'later', rows: [1] } }, { status: 429, headers: { 'retry-after': '30' } }),
    )('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_requests', message: 'later', retryAfterSec: 30, details: { rows: [1] } });
  });

  it('names an error answer without a body by its status', async () => {
    const err = await answering(() => new Response('oops', { status: 502, statusText: 'Bad Gateway' }))('/x').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway', retryAfterSec: undefined, details: {} });
  });

  it('turns no answer into NetworkError', async () => {
    const request = createRequest(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await request('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toBe('Failed to fetch');
  });
});

describe('helpers', () => {
  it('reads Retry-After in seconds only', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(' 5 ')).toBe(5);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('adds only the query values that are set', () => {
    expect(withQuery('/a', {})).toBe('/a');
    expect(withQuery('/a', { from: '2025-01-01', to: undefined, group: '', before: 8 })).toBe('/a?from=2025-01-01&before=8');
  });
});
