// A plan's slogans, kept with the plan for the studio's cards, LED screens and
// posters: an admin saves them with the plan, staff who read plans get them
// back, a plan stored before slogans existed reads as having none, and a
// slogan too long for a banner is refused without writing.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plans/schema.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { SAMPLE_PLAN, sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let admin: Member;
let officer: Member;
beforeEach(async () => {
  t = setupTestApp();
  admin = await staffMember(t, 'quantri', 'admin');
  officer = await staffMember(t, 'lan', 'unit', 'ttsnc');
});
afterEach(() => t.close());

const read = async (who: Member) => (await (await t.request(`/api/v1/plans/${SAMPLE_PLAN}`, { headers: who.headers })).json()) as Plan;
const SLOGANS = ['Cả phường cùng học kỹ năng số', 'Mỗi hộ gia đình có ít nhất một người thành thạo kỹ năng số cơ bản'];

describe("a plan's slogans", () => {
  it('are saved with the plan and read back by a unit officer; a plan stored without them has none', async () => {
    const before = await read(officer);
    expect(before.slogans).toEqual([]);
    const { id: _id, isSample: _s, updatedAt: _u, ...input } = before;
    const put = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, { ...input, slogans: SLOGANS });
    expect(put.status, await put.clone().text()).toBe(200);
    expect((await read(officer)).slogans).toEqual(SLOGANS);
    const stored = await t.engine.get(sql`SELECT structure FROM plans WHERE id = ${SAMPLE_PLAN}`) as { structure: string };
    expect(JSON.parse(stored.structure).slogans).toEqual(SLOGANS);
  });

  it('refuses a slogan too long for a banner, or too many, writing nothing', async () => {
    const { id: _id, isSample: _s, updatedAt: _u, ...input } = await read(admin);
    for (const slogans of [['x'.repeat(201)], Array.from({ length: 31 }, (_, i) => `Khẩu hiệu ${i}`), ['']]) {
      const res = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, { ...input, slogans });
      expect(res.status).toBe(400);
    }
    expect((await read(admin)).slogans).toEqual([]);
  });
});
