import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { courseDone, NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';

// Every expected figure below is computed by hand from the fixture described
// in dashboard-support.ts.
let t: TestApp;
let reviewer: string;
let admin: string;
let guideCookie: string;
let learnerAuth: Record<string, string>;

beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  const { guide } = await seedFixture(t);
  guideCookie = guide.cookie;
  await createStaff(t, 'office', 'reviewer');
  await createStaff(t, 'it', 'admin');
  reviewer = await login(t, 'office', 'correct horse battery');
  admin = await login(t, 'it', 'correct horse battery');
  learnerAuth = (await registerLearner(t)).auth;
}, 60_000);
afterAll(() => t.close());

const get = (path: string, cookie = reviewer) => t.request(`/api/v1/stats/${path}`, { headers: { cookie } });
const json = async (path: string, cookie = reviewer) => {
  const res = await get(path, cookie);
  expect(res.status, path).toBe(200);
  return res.json();
};
const JUNE = 'from=2025-06-01&to=2025-06-20';

describe('dashboard figures (hand-computed fixture)', () => {
  it('headline', async () => {
    const { headline, range } = await json(`headline?${JUNE}`);
    expect(range).toEqual({ from: '2025-06-01', to: '2025-06-20', monthFrom: '2025-06-01', group: null });
    expect(headline).toEqual({
      learners: 8, // L1–L6, A1, U1
      newLearners: 6, // L1–L5 (06-05), A1 (06-12)
      active7: 1, // A1's outcome on 06-15
      active30: 7, // L1–L6, A1
      assistedLearners: 1,
      selfLearners: 7,
      lessonsCompleted: 48, // 5×(1+7) + 7 (L6) + 1 (A1)
      assistedCompletions: 1,
      selfCompletions: 47,
      coursesCompleted: 30, // 5×5 + 4 + 1
      certificates: 0,
      outcomesConfirmed: 1,
      sessionsHeld: 1,
      lessonsCounted: ['verified', 'self-reported'], // the ward has not chosen: every kind of learning
      outcomesCounted: true, // and the confirmed outcomes
    });
  });

  it('defaults to the 30 days ending today', async () => {
    const { range } = await json('headline');
    expect(range).toMatchObject({ from: '2025-05-22', to: '2025-06-20' });
  });

  it('coverage per group, with the household rule and <5 suppression', async () => {
    const { coverage } = await json(`coverage?${JUNE}`);
    expect(coverage[0]).toEqual({
      groupId: 'tdp-1',
      name: 'Tổ dân phố 1',
      adultPopulation: 100,
      households: 10,
      figuresAreSample: true,
      // 6, hidden by the secondary rule: tdp-2's and the unassigned "<5"
      // add up to 2 (8 learners in the headline minus 6), so each would be 1.
      reached: '*',
      // 6, hidden the same way: the people who completed a course add up to a
      // figure published elsewhere (the demographics' completed column at a
      // month end, the basic-skills indicator under the one-course rule), so
      // tdp-2's "<5" would be that figure minus 6.
      completed: '*',
      reachedShare: null,
      completedShare: null,
      householdsRecorded: 6,
      householdsFiveSkills: 5, // H1–H5; H6's member lacks local-platforms
      householdShare: 0.5,
      completedThisMonth: 6,
      growthPoints: 6,
    });
    expect(coverage[1]).toMatchObject({ groupId: 'tdp-2', reached: '<5', completed: '<5', reachedShare: null, completedShare: null, completedThisMonth: '<5', growthPoints: null, householdsRecorded: 0 });
    expect(coverage[2]).toMatchObject({ groupId: 'tdp-3', reached: 0, completed: 0, reachedShare: 0, completedShare: 0 });
    expect(coverage.at(-1)).toMatchObject({ groupId: null, reached: '<5', completed: 0 });
    expect(coverage).toHaveLength(7);
  });

  it('counts a household only once its member finished all five basic skills by the end date', async () => {
    const { coverage } = await json('coverage?from=2025-06-01&to=2025-06-09');
    expect(coverage[0]).toMatchObject({ reached: '*', completed: 5, householdsFiveSkills: 0, householdShare: 0, completedThisMonth: 5 });
  });

  it('filters coverage and demographics to one group', async () => {
    const { coverage } = await json(`coverage?${JUNE}&group=tdp-1`);
    expect(coverage.map((r: { groupId: string }) => r.groupId)).toEqual(['tdp-1']);
    // Demographics are made as of complete months only (see the last describe): none before June is over.
    const { demographics, demographicsAsOf } = await json(`demographics?${JUNE}&group=tdp-1`);
    expect(demographicsAsOf).toBeNull();
    expect(demographics.every((d: { reached: { total: unknown } }) => d.reached.total === 0)).toBe(true);
  });

  it('emulation ranking by coverage and by growth this month', async () => {
    const { ranking } = await json(`ranking?${JUNE}`);
    expect(ranking.byCoverage.slice(0, 3)).toEqual([
      // 6 % of 100 would give away coverage's hidden "*" (6 people), so it is not said either; the order stays.
      { rank: 1, groupId: 'tdp-1', name: 'Tổ dân phố 1', value: null },
      { rank: 2, groupId: 'tdp-2', name: 'Tổ dân phố 2', value: null }, // 1 of 20 = 5 %, but one person
      { rank: 3, groupId: 'tdp-3', name: 'Tổ dân phố 3', value: 0 },
    ]);
    expect(ranking.byCoverage.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 3, 3, 3]);
    expect(ranking.byGrowth[0]).toEqual({ rank: 1, groupId: 'tdp-1', name: 'Tổ dân phố 1', value: 6 });
  });

  it('per course and per skill', async () => {
    const { courses, skills } = await json(`courses?${JUNE}`);
    const by = (id: string) => courses.find((c: { courseId: string }) => c.courseId === id);
    expect(by('public-services')).toEqual({ courseId: 'public-services', skill: 'public-services', title: { vi: 'Khóa public-services', en: 'Course public-services' }, starts: 6, completions: 6, completionRate: 1, lessonCompletions: 18, averageScore: 80 });
    expect(by('online-shopping')).toMatchObject({ starts: 7, completions: 7, completionRate: 1, lessonCompletions: 7, averageScore: 82.9 });
    // L6 started on 05-10 (before the range); U1 started and did not finish.
    expect(by('cyber-safety')).toMatchObject({ starts: 5, completions: 6, completionRate: 0.8571, lessonCompletions: 12, averageScore: 80 });
    expect(by('staff-skills')).toMatchObject({ starts: 0, completions: 0, completionRate: null, lessonCompletions: 0, averageScore: null });
    expect(skills.find((s: { skill: string }) => s.skill === 'local-platforms')).toEqual({ skill: 'local-platforms', starts: 5, completions: 5, completionRate: 1, lessonCompletions: 5, averageScore: 80 });
  });

  it('never shows an average quiz score where the people count is "<5", however many lessons they did', async () => {
    const t2 = setupTestApp({ now: NOW, catalog: CATALOG });
    try {
      const one = await registerLearner(t2);
      const lesson = CATALOG.courses.find((c) => c.id === 'public-services')!.lessons[0].id;
      // One person, the same lesson done eight times (each completion counts), and the whole course.
      const again = Array.from({ length: 8 }, (_, i) => completion(one.id, { courseId: 'public-services', lessonId: lesson, score: 50 + i, occurredAt: '2025-06-19T09:00:00+07:00' }));
      await syncEvents(t2, one.auth, [...again, ...courseDone(one.id, 'public-services', '2025-06-19')]);
      await createStaff(t2, 'office', 'reviewer');
      const cookie = await login(t2, 'office', 'correct horse battery');
      const { courses, skills } = await (await t2.request('/api/v1/stats/courses?from=2025-06-19&to=2025-06-19', { headers: { cookie } })).json();
      const row = courses.find((c: { courseId: string }) => c.courseId === 'public-services');
      expect(row).toMatchObject({ completions: '<5', averageScore: null });
      expect(row.lessonCompletions).toBeGreaterThanOrEqual(5);
      expect(skills.find((x: { skill: string }) => x.skill === 'public-services')).toMatchObject({ completions: '<5', averageScore: null });
    } finally {
      await t2.close();
    }
  });

  it('hides an average quiz score built on fewer than five completions', async () => {
    const { courses } = await json('courses?from=2025-05-01&to=2025-05-31');
    expect(courses.find((c: { courseId: string }) => c.courseId === 'cyber-safety')).toMatchObject({ starts: '<5', completions: 0, lessonCompletions: 1, averageScore: null, completionRate: null });
  });

  it('weekly trend, Monday to Sunday', async () => {
    const { trend } = await json(`trend?${JUNE}`);
    expect(trend).toEqual([
      { week: '2025-05-26', lessonCompletions: 0, newLearners: 0, courseCompletions: 0 },
      // 5 new learners, hidden: with the headline's 6 it would reveal the "<5" below.
      { week: '2025-06-02', lessonCompletions: 5, newLearners: '*', courseCompletions: 5 },
      { week: '2025-06-09', lessonCompletions: 43, newLearners: '<5', courseCompletions: 25 },
      { week: '2025-06-16', lessonCompletions: 0, newLearners: 0, courseCompletions: 0 },
    ]);
  });

  it('data freshness per guide (no phone id) and for learner devices', async () => {
    const { freshness } = await json('freshness');
    expect(freshness.guides).toEqual([{ guide: 'GUIDE', team: 'cns', lastSyncAt: new Date(NOW).toISOString() }]);
    expect(freshness.devices).toEqual({ within1Day: 7, within7Days: 0, within30Days: 0, older: 0, lastSyncAt: new Date(NOW).toISOString() });
  });

  it('never sends a resident name, a learner id or a suppressed number', async () => {
    const text = await (await get(`dashboard?${JUNE}`)).text();
    expect(text).not.toMatch(/Người [0-9a-f]{4}|Nguyễn Thị Lan|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const body = JSON.parse(text);
    expect(body.meta).toMatchObject({ wardName: 'Phường Kiến An (mẫu)', isSampleProfile: true, isDemo: false });
    expect(body.coverage[1].reached).toBe('<5');
  });

  it('rebuilds the same rollups from the events when they are missing', async () => {
    const before = await json(`dashboard?${JUNE}`);
    for (const table of ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily', 'stats_state']) await t.engine.run(sql`DELETE FROM ${sql.raw(table)}`);
    const app = t.appOnSameDatabase({ now: () => NOW, catalog: CATALOG });
    const res = await app.request(`${ORIGIN}/api/v1/stats/dashboard?${JUNE}`, { headers: { cookie: reviewer } });
    const after = await res.json();
    expect({ ...after, meta: null }).toEqual({ ...before, meta: null });
  });
});

describe('bad input', () => {
  it.each([
    ['from after to', 'from=2025-06-20&to=2025-06-01', 'invalid_range'],
    ['a range over ten years', 'from=2010-01-01&to=2025-06-01', 'invalid_range'],
    ['an impossible date', 'from=2025-02-30', 'invalid_request'],
    ['an unknown parameter', 'learner=all', 'invalid_request'],
    ['an unknown group', 'group=tdp-99', 'unknown_group'],
    ['a malformed group', 'group=T%C3%94', 'invalid_request'],
  ])('answers 400 for %s', async (_name, query, code) => {
    for (const path of ['dashboard', 'coverage', 'export.csv']) {
      const res = await get(`${path}?${query}`);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code).toBe(code);
    }
  });
});

describe('who may read what', () => {
  const sections = ['dashboard', 'headline', 'coverage', 'ranking', 'courses', 'demographics', 'trend', 'freshness', 'summary'];
  it('guides, reviewers and admins read the same aggregates', async () => {
    for (const path of sections) {
      const [g, r, a] = await Promise.all([get(path, guideCookie), get(path, reviewer), get(path, admin)]);
      expect([g.status, r.status, a.status], path).toEqual([200, 200, 200]);
      const strip = (x: { meta?: unknown }) => ({ ...x, meta: null });
      expect(strip(await g.json()), path).toEqual(strip(await r.json()));
    }
  });

  it('exports and the report are for reviewers and admins only', async () => {
    for (const path of ['export.csv', 'export.xlsx', 'report']) {
      expect((await get(path, guideCookie)).status, path).toBe(403);
      expect((await get(path, reviewer)).status, path).toBe(200);
      expect((await get(path, admin)).status, path).toBe(200);
    }
  });

  it('learner credentials and anonymous callers get 401', async () => {
    for (const path of [...sections, 'export.csv', 'report']) {
      expect((await t.request(`/api/v1/stats/${path}`)).status, path).toBe(401);
      expect((await t.request(`/api/v1/stats/${path}`, { headers: learnerAuth })).status, path).toBe(401);
    }
  });
});

describe('exports', () => {
  it('CSV: UTF-8 with BOM, Vietnamese intact, suppressed cells as <5', async () => {
    const res = await get(`export.csv?${JUNE}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('bao-cao-hoc-vu-so_2025-06-01_2025-06-20.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines).toContain('Phổ cập theo tổ dân phố');
    expect(lines).toContain('Tổ dân phố 1,100,10,*,,*,,6,5,50,6,6');
    expect(lines).toContain('Tổ dân phố 2,20,5,<5,,<5,,0,0,0,<5,');
    expect(lines).toContain('"Lượt hoàn thành bài học (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)",48');
    expect(lines).toContain('2025-06-09,43,<5,25');
    // Teams by the same name as on the dashboard page (shared/labels.ts), not by their code.
    // Last sync in Vietnam time (05:00 UTC is 12:00), and no device id.
    expect(lines.find((l) => l.startsWith('GUIDE,'))).toBe('GUIDE,Tổ CNSCĐ,2025-06-20 12:00');
    expect(lines.join('\n')).not.toContain('guide-phone-0001');
  });

  it('CSV in English on request', async () => {
    const text = await (await get(`export.csv?${JUNE}&lang=en`)).text();
    expect(text).toContain('Coverage by residential group');
    expect(text).toContain('Lesson completions (counting: learning confirmed by a guide; self-reported on a phone),48');
  });

  it('Excel: one sheet per table, cells as numbers, Vietnamese intact', async () => {
    const res = await get(`export.xlsx?${JUNE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Chỉ tiêu chính',
      'Phổ cập theo tổ dân phố',
      'Xếp hạng thi đua',
      'Theo khóa học',
      'Theo kỹ năng',
      'Theo độ tuổi và giới tính',
      'Theo tuần',
      'Số liệu theo loại xác nhận',
      'Độ mới số liệu',
    ]);
    const coverage = book.getWorksheet('Phổ cập theo tổ dân phố')!;
    expect(coverage.getRow(1).getCell(1).value).toBe('Tổ dân phố');
    // A figure that does not exist (null) is an empty cell, as in the CSV.
    expect(coverage.getRow(2).values).toEqual([undefined, 'Tổ dân phố 1', 100, 10, '*', undefined, '*', undefined, 6, 5, 50, 6, 6]);
    expect(coverage.getRow(3).getCell(4).value).toBe('<5');
    // The header row is bold, wrapped and frozen; columns are wide enough to read.
    expect(coverage.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(coverage.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(coverage.getColumn(1).width).toBeGreaterThanOrEqual(12);
    const courses = book.getWorksheet('Theo khóa học')!;
    expect(courses.getRow(2).getCell(1).value).toBe('Khóa public-services');
    expect(courses.getRow(3).getCell(7).value).toBe(82.9);
    const headline = book.getWorksheet('Chỉ tiêu chính')!;
    const values = headline.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : null));
    expect(values).toContainEqual(['Lượt hoàn thành bài học (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)', 48]);
    expect(values).toContainEqual(['Phường', 'Phường Kiến An (mẫu)']);
    // Minor 19 of the December UX review: weeks and sync times are real Excel dates; times are Vietnam time; teams by name, no device ids.
    const weeks = book.getWorksheet('Theo tuần')!;
    const week = weeks.getColumn(1).values.find((v) => v instanceof Date && v.toISOString() === '2025-06-09T00:00:00.000Z');
    expect(week).toBeDefined();
    expect(weeks.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy');
    const fresh = book.getWorksheet('Độ mới số liệu')!;
    expect(fresh.getRow(2).values).toEqual([undefined, 'GUIDE', 'Tổ CNSCĐ', new Date('2025-06-20T12:00:00.000Z')]);
    expect(fresh.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(JSON.stringify(fresh.getSheetValues())).not.toContain('guide-phone-0001');
  });
});

describe('demographics across overlapping periods (the small-count rule between two views)', () => {
  it('two views a day apart never differ by fewer than five people: only complete months, and a month adding 1–4 learners is not published', async () => {
    const t2 = setupTestApp({ now: NOW, catalog: CATALOG });
    try {
      await seedFixture(t2);
      await createStaff(t2, 'office', 'reviewer');
      const view = async (to: string) => {
        const cookie = await login(t2, 'office', 'correct horse battery');
        return (await t2.request(`/api/v1/stats/demographics?from=2025-05-01&to=${to}`, { headers: { cookie } })).json();
      };
      const newcomer = async (day: string, birthYear: number, gender: string) => {
        const l = await registerLearner(t2);
        await syncEvents(t2, l.auth, [consentGiven(l.id), profileUpdated(l.id, { birthYear, gender, residentialGroupId: 'tdp-1' }), completion(l.id, { occurredAt: `${day}T09:00:00+07:00` })]);
      };
      const dayViews = async (days: string[]) => Promise.all(days.map(view));

      // June is not over: nothing yet (May added only two learners).
      const june = await dayViews(['2025-06-18', '2025-06-19', '2025-06-20']);
      for (const v of june) expect([v.demographicsAsOf, v.demographics]).toEqual([null, june[0].demographics]);

      t2.clock.now = Date.parse('2025-07-06T05:00:00Z');
      const [endOfJune] = await dayViews(['2025-06-30']);
      expect(endOfJune.demographicsAsOf).toBe('2025-06-30');
      // By age band and gender, as of 30 June (hand-computed from the fixture).
      expect(endOfJune.demographics).toEqual([
        { band: 'under-30', reached: { female: 0, male: 0, other: 0, unknown: 0, total: 0 }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
        { band: '30-44', reached: { female: 0, male: '<5', other: 0, unknown: 0, total: '<5' }, completed: { female: 0, male: '<5', other: 0, unknown: 0, total: '<5' } },
        { band: '45-59', reached: { female: 0, male: 0, other: 0, unknown: 0, total: 0 }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
        // 5 and 5, hidden by the secondary rule: the other totals ("<5" twice)
        // add up to 3 of 8 learners; hiding the total alone would leave it as
        // the sum of a visible row, so the row's cell goes too.
        { band: '60-plus', reached: { female: '*', male: 0, other: 0, unknown: 0, total: '*' }, completed: { female: '*', male: 0, other: 0, unknown: 0, total: '*' } },
        { band: 'unknown', reached: { female: 0, male: 0, other: 0, unknown: '<5', total: '<5' }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
      ]);
      const tdp1 = await (await t2.request('/api/v1/stats/demographics?to=2025-06-30&group=tdp-1', { headers: { cookie: await login(t2, 'office', 'correct horse battery') } })).json();
      // tdp-1 has four women over 60 (A1 lives in tdp-2): fewer than five.
      expect(tdp1.demographics.find((d: { band: string }) => d.band === '60-plus').reached).toEqual({ female: '<5', male: 0, other: 0, unknown: 0, total: '<5' });
      // One new learner in July (a man in his thirties): July's end is not published, whatever day is asked.
      await newcomer('2025-07-05', 1990, 'male');
      t2.clock.now = Date.parse('2025-08-06T05:00:00Z');
      for (const v of await dayViews(['2025-07-04', '2025-07-05', '2025-07-06', '2025-07-31', '2025-08-05'])) {
        expect([v.demographicsAsOf, v.demographics]).toEqual(['2025-06-30', endOfJune.demographics]);
      }
      // Four more in August: five since the last published month, so August's end is published.
      for (let i = 0; i < 4; i++) await newcomer('2025-08-05', 1990, 'male');
      t2.clock.now = Date.parse('2025-09-02T05:00:00Z');
      const [endOfAugust] = await dayViews(['2025-08-31']);
      expect(endOfAugust.demographicsAsOf).toBe('2025-08-31');
      const men30 = (v: { demographics: Array<{ band: string; reached: { male: unknown } }> }) => v.demographics.find((d) => d.band === '30-44')!.reached.male;
      expect([men30(endOfJune), men30(endOfAugust)]).toEqual(['<5', 7]); // L5, L6 and the five newcomers
    } finally {
      await t2.close();
    }
  }, 60_000);
});
