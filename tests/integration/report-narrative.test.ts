// The officer's text of a ward report is kept with the report's period: a
// reviewer saves it and reads it back for that period only; bad input is a
// 4xx and changes nothing; a guide may not write it.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { narrativeSchema } from '../../shared/stats/narrative.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let office: Record<string, string>;
let guide: Record<string, string>;
beforeEach(async () => {
  t = setupTestApp();
  await createStaff(t, 'lan', 'reviewer');
  office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN };
  await createStaff(t, 'hoa', 'guide');
  guide = { cookie: await login(t, 'hoa', 'correct horse battery'), origin: ORIGIN };
});
afterEach(() => t.close());

const URL = '/api/v1/stats/report/narrative';
const put = (body: unknown, headers: Record<string, string>) =>
  t.request(URL, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const read = async (q: string) => narrativeSchema.parse(await (await t.request(`${URL}?${q}`, { headers: office })).json());
const text = { situation: 'Phường tổ chức 12 buổi hướng dẫn tại nhà văn hóa.', results: 'Đạt kế hoạch tháng.', shortcomings: 'Người cao tuổi còn ngại dùng VNeID.', proposals: 'Thêm buổi cuối tuần.' };

describe('report narrative', () => {
  it('is saved with its period and read back for that period only', async () => {
    expect(await read('from=2026-11-01&to=2026-11-30')).toMatchObject({ situation: '', updatedAt: null });
    const saved = await put({ from: '2026-11-01', to: '2026-11-30', ...text }, office);
    expect(saved.status).toBe(200);
    expect(await read('from=2026-11-01&to=2026-11-30')).toMatchObject({ ...text, from: '2026-11-01', to: '2026-11-30', group: null });
    expect((await read('from=2026-10-01&to=2026-10-31')).situation).toBe('');
    expect((await read('from=2026-11-01&to=2026-11-30&group=tdp-1')).situation).toBe('');
    // Saving again replaces the text.
    expect((await put({ from: '2026-11-01', to: '2026-11-30', ...text, proposals: '' }, office)).status).toBe(200);
    expect((await read('from=2026-11-01&to=2026-11-30')).proposals).toBe('');
    // Each save is in the audit log: who changed the words the office signs, for which period.
    const audit = await t.engine.all(sql`SELECT actor_username AS actor, target_id AS target FROM audit_log WHERE action = 'report.narrative_saved' ORDER BY id`);
    expect(audit).toEqual([
      { actor: 'lan', target: '2026-11-01..2026-11-30' },
      { actor: 'lan', target: '2026-11-01..2026-11-30' },
    ]);
  });

  it('refuses bad input and other roles, and changes nothing', async () => {
    await put({ from: '2026-11-01', to: '2026-11-30', ...text }, office);
    const bad = [
      { from: '2026-11-30', to: '2026-11-01', ...text },
      { from: '2026-11-01', to: '2026-11-30', ...text, situation: 'x'.repeat(4001) },
      { from: '2026-11-01', to: '2026-11-30', situation: 'only one part' },
      { from: '2026-11-01', to: '2026-11-30', ...text, group: 'tdp-99' },
      { to: '2026-11-30', ...text, situation: 'no start' },
      { from: '2026-11-01', to: '2026-11-30', ...text, extra: 1 },
      // A NUL character, which PostgreSQL cannot keep in a text column (it answered 500 there).
      { from: '2026-11-01', to: '2026-11-30', ...text, situation: 'Lan\u0000Anh' },
    ];
    for (const body of bad) {
      const res = await put(body, office);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await res.json()).error.code).toBeTypeOf('string');
    }
    expect((await put({ from: '2026-11-01', to: '2026-11-30', ...text, situation: 'by a guide' }, guide)).status).toBe(403);
    expect((await put({ from: '2026-11-01', to: '2026-11-30', ...text, situation: 'no cookie' }, {})).status).toBe(401);
    expect((await read('from=2026-11-01&to=2026-11-30')).situation).toBe(text.situation);
    expect(await t.engine.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'report.narrative_saved'`)).toEqual({ n: 1 });
  });
});
