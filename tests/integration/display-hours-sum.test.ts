// Several LED screens logged as one loop: the hours of the screens chosen,
// summed on the server over the same days, on the real SQLite file. Two
// screens polling at different times of day give each screen's part, the sum
// per Vietnam day (a stretch across midnight split between the two days) and
// in all, added up before rounding; without ids, every screen counts; a
// screen added on the 3rd says its hours start that day, so the 2nd reads
// "not recorded" for it rather than 0. Bad ids are a 400, an unknown one a 404.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screensHoursSchema } from '../../shared/displays/schema.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { staffMember } from './unit-support.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp({ now: Date.parse('2025-06-02T06:00:00+07:00') });
});
afterEach(() => t.close());

const MINUTE = 60_000;
const at = (local: string) => Date.parse(`${local}+07:00`);

async function poll(screen: string, start: number, end: number) {
  for (let ms = start; ms <= end; ms += MINUTE) {
    t.clock.now = ms;
    expect((await t.request(`/api/v1/displays/${screen}/feed`)).status).toBe(200);
  }
}

describe('hours of several LED screens', () => {
  it('sums the screens chosen per day and in all, shows each part, and says where hours were not recorded', async () => {
    await createStaff(t, 'lan', 'reviewer');
    // Signed in afresh each time: the clock moves on by a day.
    const add = async (id: string, name: string) => {
      const office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
      expect((await t.request(`/api/v1/displays/${id}`, { method: 'PUT', headers: office, body: JSON.stringify({ name, slides: [{ kind: 'qr', seconds: 10 }] }) })).status).toBe(200);
    };
    await add('cong-ubnd', 'Cổng UBND phường');
    await add('cho-hoa-binh', 'Chợ Hòa Bình');

    // Gate: 7:00–9:00 on the 2nd, then 23:30 on the 2nd to 00:30 on the 3rd.
    await poll('cong-ubnd', at('2025-06-02T07:00:00'), at('2025-06-02T09:00:00'));
    await poll('cong-ubnd', at('2025-06-02T23:30:00'), at('2025-06-03T00:30:00'));
    // Market: 17:00–18:15 on the 2nd, 6:00–7:00 on the 3rd.
    await poll('cho-hoa-binh', at('2025-06-02T17:00:00'), at('2025-06-02T18:15:00'));
    await poll('cho-hoa-binh', at('2025-06-03T06:00:00'), at('2025-06-03T07:00:00'));
    // A third screen, added on the 3rd and on for 20 minutes.
    t.clock.now = at('2025-06-03T07:30:00');
    await add('nha-van-hoa', 'Nhà văn hóa tổ 5');
    await poll('nha-van-hoa', at('2025-06-03T08:00:00'), at('2025-06-03T08:20:00'));

    t.clock.now = at('2025-06-03T12:00:00');
    const officer = await staffMember(t, 'thao', 'unit', 'ttsnc');
    const sum = async (query: string) => {
      const res = await t.request(`/api/v1/displays/hours${query}`, { headers: officer.headers });
      expect(res.status, query).toBe(200);
      return screensHoursSchema.parse(await res.json());
    };

    expect(await sum('?ids=cong-ubnd,cho-hoa-binh&from=2025-06-02&to=2025-06-03')).toEqual({
      from: '2025-06-02',
      to: '2025-06-03',
      screens: [
        { id: 'cho-hoa-binh', name: 'Chợ Hòa Bình', hours: 2.3, recordedFrom: '2025-06-02' },
        { id: 'cong-ubnd', name: 'Cổng UBND phường', hours: 3, recordedFrom: '2025-06-02' },
      ],
      days: [
        { day: '2025-06-02', hours: 3.8 },
        { day: '2025-06-03', hours: 1.5 },
      ],
      hours: 5.3,
    });
    // One day only, one screen only.
    expect((await sum('?ids=cho-hoa-binh&from=2025-06-03&to=2025-06-03')).hours).toBe(1);
    // Every screen: the third one's 20 minutes counted, and its hours start on the day it was added.
    const all = await sum('?from=2025-06-02&to=2025-06-03');
    expect(all.hours).toBe(5.6);
    expect(all.days).toEqual([
      { day: '2025-06-02', hours: 3.8 },
      { day: '2025-06-03', hours: 1.8 },
    ]);
    expect(all.screens.find((s) => s.id === 'nha-van-hoa')).toEqual({ id: 'nha-van-hoa', name: 'Nhà văn hóa tổ 5', hours: 0.3, recordedFrom: '2025-06-03' });
    // The one-screen answer says the same.
    const own = await t.request('/api/v1/displays/nha-van-hoa/hours?from=2025-06-02&to=2025-06-03', { headers: officer.headers });
    expect(await own.json()).toMatchObject({ hours: 0.3, recordedFrom: '2025-06-03' });

    // Ids that cannot be screens, dates backwards: 400 with a code; a screen that does not exist: 404.
    for (const bad of ['?ids=Cong%20UBND', '?ids=,', '?ids=cong-ubnd&from=2025-06-04&to=2025-06-03', `?ids=${Array.from({ length: 51 }, (_, i) => `s${i}`).join(',')}`]) {
      const res = await t.request(`/api/v1/displays/hours${bad}`, { headers: officer.headers });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    const unknown = await t.request('/api/v1/displays/hours?ids=cong-ubnd,cho-cu', { headers: officer.headers });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await t.request('/api/v1/displays/hours')).status).toBe(401);
  });
});
