// Plans as data against the real app and SQLite: the shipped sample, an
// admin's create and edit, YAML import with file:line errors, and refusals
// that write nothing.
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseYamlWith } from '../../shared/content/parse-yaml.ts';
import { planInputSchema, type Plan, type PlanInput } from '../../shared/plans/schema.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { SAMPLE_PLAN, sendJson, staffMember, type Member } from './unit-support.ts';

const SAMPLE_FILE = new URL('../../shared/plans/sample-plan.yaml', import.meta.url);

let t: TestApp;
let admin: Member;
let reviewer: Member;
beforeEach(async () => {
  t = setupTestApp();
  admin = await staffMember(t, 'admin', 'admin');
  reviewer = await staffMember(t, 'vhxh', 'reviewer');
});
afterEach(() => t.close());

const ownPlan = (overrides: Partial<PlanInput> = {}) => ({
  numberSymbol: '123/KH-UBND',
  issuedOn: '2025-03-10',
  issuingBody: 'Ủy ban nhân dân phường Hòa Bình',
  title: 'Kế hoạch tuyên truyền Nghị quyết 57 năm 2025',
  legalBases: ['Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị'],
  periodFrom: '2025-03-10',
  periodTo: '2025-12-31',
  contentItems: [{ code: '1.1', title: 'Chủ trương', points: ['a', 'b'] }],
  forms: [{ code: '2.4', title: 'Truyền thanh', subForms: [{ id: 'radio-news', title: 'Tin' }] }],
  duties: [{ unitId: 'ttsnc', role: 'coordinate', contentItems: ['1.1'], forms: ['2.4'], text: 'Phát tin' }],
  recipients: ['Thường trực Đảng ủy phường'],
  ...overrides,
});

describe('plans', () => {
  it('ship the Resolution 57 plan as a labelled sample, the same as the sample YAML file', async () => {
    const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}`, { headers: reviewer.headers });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as Plan;
    expect(plan.isSample).toBe(true);
    expect(plan.title).toContain('(mẫu)');
    expect(plan.contentItems.map((c) => c.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(plan.forms.map((f) => f.code)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(plan.duties.map((d) => `${d.unitId}:${d.role}`)).toEqual(['vh-xh:lead', 'kt-ht-dt:coordinate', 'mttq:coordinate', 'ttsnc:coordinate']);
    const file = parseYamlWith(planInputSchema, readFileSync(SAMPLE_FILE, 'utf8'));
    expect(file.errors).toEqual([]);
    const { id: _id, isSample: _s, updatedAt: _u, ...stored } = plan;
    expect(stored).toEqual(file.value);
    const units = await (await t.request('/api/v1/units', { headers: reviewer.headers })).json();
    expect(units.units.map((u: { shortName: string; isSample: boolean }) => `${u.shortName}${u.isSample ? ' (sample)' : ''}`)).toEqual([
      'VH-XH (sample)',
      'KT-HT-ĐT (sample)',
      'MTTQ (sample)',
      'TTSNC (sample)',
    ]);
  });

  it("become the ward's own on the first edit, and a ward runs several at once", async () => {
    const put = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, ownPlan());
    expect(put.status).toBe(200);
    const edited = (await put.json()) as Plan;
    expect(edited).toMatchObject({ id: SAMPLE_PLAN, isSample: false, numberSymbol: '123/KH-UBND', issuedOn: '2025-03-10', recipients: ['Thường trực Đảng ủy phường'] });
    const post = await sendJson(t, 'POST', '/api/v1/plans', admin, ownPlan({ numberSymbol: '45/KH-UBND', title: 'Kế hoạch chuyển đổi số năm 2026' }));
    expect(post.status).toBe(201);
    const list = await (await t.request('/api/v1/plans', { headers: reviewer.headers })).json();
    expect(list.plans.map((p: Plan) => p.numberSymbol)).toEqual(['123/KH-UBND', '45/KH-UBND']);
    expect(list.plans.every((p: Plan) => !p.isSample)).toBe(true);
    // Kept in the audit log with who did it.
    const audit = await t.engine.all(sql`SELECT action, actor_username AS actor FROM audit_log WHERE action LIKE 'plan.%' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'plan.updated', actor: 'admin' },
      { action: 'plan.created', actor: 'admin' },
    ]);
  });

  it('refuse a plan whose duties point at nothing, and write nothing', async () => {
    const before = await t.engine.all(sql`SELECT * FROM plans`);
    const badRef = await sendJson(t, 'POST', '/api/v1/plans', admin, ownPlan({ duties: [{ unitId: 'ttsnc', role: 'lead', contentItems: ['9.9'], forms: [], text: 'x' }] }));
    expect(badRef.status).toBe(400);
    expect((await badRef.json()).error).toMatchObject({ message: expect.stringContaining('no content item "9.9"'), issues: [{ path: ['duties', 0, 'contentItems', 0], problem: 'noItem', value: '9.9' }] });
    // Each problem part by part, with what is wrong and its limit, for the editor to say in its own words.
    const parts = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, ownPlan({ title: 'x'.repeat(501), contentItems: [{ code: '1.1', title: 'Chủ trương', points: ['a', ' '] }], forms: [{ code: '2.4', title: 'Truyền thanh', subForms: [{ id: 'Tin bài', title: 'Tin' }] }] }));
    expect(parts.status).toBe(400);
    expect((await parts.json()).error).toEqual({
      code: 'invalid_request',
      message: expect.stringContaining('title'),
      issues: [
        { path: ['title'], problem: 'tooLong', limit: 500 },
        { path: ['contentItems', 0, 'points', 1], problem: 'required' },
        { path: ['forms', 0, 'subForms', 0, 'id'], problem: 'format' },
      ],
    });
    const noUnit = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, ownPlan({ duties: [{ unitId: 'doan-thanh-nien', role: 'lead', contentItems: [], forms: [], text: 'x' }] }));
    expect(noUnit.status).toBe(422);
    expect((await noUnit.json()).error).toMatchObject({ code: 'unknown_unit', issues: [{ path: ['duties', 0, 'unitId'], problem: 'noUnit', value: 'doan-thanh-nien' }] });
    const asReviewer = await sendJson(t, 'POST', '/api/v1/plans', reviewer, ownPlan());
    expect(asReviewer.status).toBe(403);
    const missing = await sendJson(t, 'PUT', '/api/v1/plans/khong-co', admin, ownPlan());
    expect(missing.status).toBe(404);
    expect(await t.engine.all(sql`SELECT * FROM plans`)).toEqual(before);
  });

  it('import from YAML, reporting every problem as file:line: message and writing nothing', async () => {
    const yaml = [
      'numberSymbol: "7/KH-UBND"', // 1
      'issuingBody: "UBND phường"', // 2
      'title: "Kế hoạch"', // 3
      'issuedOn: "10/3/2025"', // 4: not an ISO date
      'contentItems:', // 5
      '  - code: "1.1"', // 6
      '    title: "Nội dung"', // 7
      '    colour: red', // 8: unknown field
      'forms:', // 9
      '  - { code: "2.1", title: "Nền tảng số" }', // 10
      'duties:', // 11
      '  - unitId: ttsnc', // 12
      '    role: lead', // 13
      '    forms: ["2.7"]', // 14: no such form
      '    text: "Đăng tin"', // 15
    ].join('\n');
    const before = await t.count('plans');
    const res = await sendJson(t, 'POST', '/api/v1/plans/import', admin, { fileName: 'ke-hoach.yaml', text: yaml });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_plan_file');
    const texts: string[] = body.error.errors.map((e: { text: string }) => e.text);
    expect(texts.find((x) => x.startsWith('ke-hoach.yaml:4: '))).toContain('issuedOn');
    expect(texts.find((x) => x.startsWith('ke-hoach.yaml:8: '))).toContain('unknown field "colour"');
    expect(texts.find((x) => x.startsWith('ke-hoach.yaml:14: '))).toContain('no form "2.7"');
    expect(texts).toHaveLength(3);
    expect(await t.count('plans')).toBe(before);

    // A unit the ward does not have is found on its line too.
    const unknownUnit = yaml.replace('issuedOn: "10/3/2025"', 'issuedOn: "2025-03-10"').replace('    colour: red\n', '').replace('["2.7"]', '["2.1"]').replace('unitId: ttsnc', 'unitId: doan-thanh-nien');
    const res2 = await sendJson(t, 'POST', '/api/v1/plans/import', admin, { fileName: 'ke-hoach.yaml', text: unknownUnit });
    expect(res2.status).toBe(422);
    expect((await res2.json()).error.errors.map((e: { text: string }) => e.text)).toEqual(['ke-hoach.yaml:11: duties #1 › unitId: no unit "doan-thanh-nien"; add it under Units first']);

    const good = unknownUnit.replace('doan-thanh-nien', 'ttsnc');
    const dry = await sendJson(t, 'POST', '/api/v1/plans/import', admin, { fileName: 'ke-hoach.yaml', text: good, dryRun: true });
    expect(await dry.json()).toEqual({ dryRun: true, plan: null });
    expect(await t.count('plans')).toBe(before);
    const real = await sendJson(t, 'POST', '/api/v1/plans/import', admin, { fileName: 'ke-hoach.yaml', text: good });
    expect(real.status).toBe(201);
    expect((await real.json()).plan).toMatchObject({ numberSymbol: '7/KH-UBND', issuedOn: '2025-03-10', isSample: false });
    expect(await t.count('plans')).toBe(before + 1);
  });

  it('import the shipped sample file as a new plan', async () => {
    const text = readFileSync(SAMPLE_FILE, 'utf8');
    const res = await sendJson(t, 'POST', '/api/v1/plans/import', admin, { fileName: 'sample-plan.yaml', text });
    expect(res.status).toBe(201);
    expect((await res.json()).plan.forms).toHaveLength(5);
  });

  it('units: an admin adds and renames them; the rename makes a sample unit the ward\'s own', async () => {
    const add = await sendJson(t, 'POST', '/api/v1/units', admin, { name: 'Đoàn Thanh niên phường', shortName: 'ĐTN' });
    expect(add.status).toBe(201);
    expect(await add.json()).toEqual({ id: 'dtn', name: 'Đoàn Thanh niên phường', shortName: 'ĐTN', isSample: false });
    expect((await sendJson(t, 'POST', '/api/v1/units', admin, { name: 'Lần nữa', shortName: 'ĐTN' })).status).toBe(409);
    const rename = await sendJson(t, 'PUT', '/api/v1/units/ttsnc', admin, { name: 'Trung tâm sự nghiệp công phường', shortName: 'TTSNC' });
    expect(await rename.json()).toMatchObject({ id: 'ttsnc', isSample: false });
    // A plan may now give the new unit a duty.
    const plan = await sendJson(t, 'POST', '/api/v1/plans', admin, ownPlan({ duties: [{ unitId: 'dtn', role: 'coordinate', contentItems: [], forms: ['2.4'], text: 'Tuyên truyền trong đoàn viên' }] }));
    expect(plan.status).toBe(201);
  });
});
