// The hours an LED screen was on, counted from its heartbeats (each fetch of
// its feed) on the real SQLite file: a screen polling every minute from 7 to
// 9 in the morning was on two hours; the afternoon it was switched off counts
// nothing; an evening across midnight is split between the two days; a second
// browser polling the same screen does not count twice. A unit officer reads
// the hours to log them; bad dates are a 400, an unknown screen a 404, and a
// removed screen takes its hours with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayHoursSchema } from '../../shared/displays/schema.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { staffMember } from './unit-support.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp({ now: Date.parse('2025-06-02T06:00:00+07:00') });
});
afterEach(() => t.close());

const MINUTE = 60_000;
const at = (local: string) => Date.parse(`${local}+07:00`);

/** The screen's kiosk browser polling its feed every `step` ms from `start` to `end` inclusive. */
async function poll(start: number, end: number, step = MINUTE) {
  for (let ms = start; ms <= end; ms += step) {
    t.clock.now = ms;
    expect((await t.request('/api/v1/displays/cong-ubnd/feed')).status).toBe(200);
  }
}

describe('LED screen hours', () => {
  it('counts the time between heartbeats as time on, per Vietnam day, and a unit officer reads it', async () => {
    await createStaff(t, 'lan', 'reviewer');
    const office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
    const put = await t.request('/api/v1/displays/cong-ubnd', { method: 'PUT', headers: office, body: JSON.stringify({ name: 'Cổng UBND phường', slides: [{ kind: 'qr', seconds: 10 }] }) });
    expect(put.status).toBe(200);

    await poll(at('2025-06-02T07:00:00'), at('2025-06-02T09:00:00'));
    // Switched off at 9, on again at 18:00 for half an hour; a second tab polls too, every 20 s.
    await poll(at('2025-06-02T18:00:00'), at('2025-06-02T18:30:00'), 20_000);
    // The evening loop runs across midnight.
    await poll(at('2025-06-02T23:30:00'), at('2025-06-03T00:30:00'));

    t.clock.now = at('2025-06-03T08:00:00');
    const officer = await staffMember(t, 'thao', 'unit', 'ttsnc');
    const hours = async (query: string, headers: Record<string, string> = officer.headers) => t.request(`/api/v1/displays/cong-ubnd/hours${query}`, { headers });
    const read = async (query: string) => {
      const res = await hours(query);
      expect(res.status).toBe(200);
      return displayHoursSchema.parse(await res.json());
    };
    expect(await read('?from=2025-06-02&to=2025-06-03')).toEqual({
      id: 'cong-ubnd',
      from: '2025-06-02',
      to: '2025-06-03',
      days: [
        { day: '2025-06-02', hours: 3 },
        { day: '2025-06-03', hours: 0.5 },
      ],
      hours: 3.5,
      recordedFrom: '2025-06-02',
    });
    expect((await read('?from=2025-06-03&to=2025-06-03')).hours).toBe(0.5);
    expect((await read('?from=2025-05-01&to=2025-06-01')).days).toEqual([]);
    // No dates: the 7 days ending today.
    expect(await read('')).toMatchObject({ from: '2025-05-28', to: '2025-06-03', hours: 3.5 });

    // Bad dates and unknown screens say why; anonymous callers are refused.
    for (const bad of ['?from=2025-06-04&to=2025-06-03', '?from=2025-13-01', '?from=2024-01-01&to=2025-06-03', '?day=2025-06-03']) {
      const res = await hours(bad);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    expect((await t.request('/api/v1/displays/cho-cu/hours', { headers: officer.headers })).status).toBe(404);
    expect((await t.request('/api/v1/displays/cong-ubnd/hours')).status).toBe(401);

    // A screen removed takes its hours with it: one added again under the same name starts at nothing.
    const office2 = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
    expect((await t.request('/api/v1/displays/cong-ubnd', { method: 'DELETE', headers: office2 })).status).toBe(200);
    await t.request('/api/v1/displays/cong-ubnd', { method: 'PUT', headers: office2, body: JSON.stringify({ name: 'Cổng UBND phường', slides: [{ kind: 'qr', seconds: 10 }] }) });
    expect((await read('?from=2025-06-02&to=2025-06-03')).hours).toBe(0);
  });
});
