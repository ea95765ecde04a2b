// Figures by kind of evidence (server/stats/figure-kinds.ts): verified,
// self-reported and confirmed outcomes, held records apart; the same numbers
// on the dashboard's answer (what the screen and the printed report show),
// in the Excel export and in the Word report; the ward's choice of official
// kinds moves the official figure and is audited.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/stats/api.ts';
import { createStaff, login, ORIGIN, registerLearner, completion, setupTestApp, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG, syncEvents } from './resident-support.ts';
import { countedLabel, headlineLabel } from '../../shared/stats/figure-kind-words.ts';
import { createGuide, guideSyncResults, joined, sessionCreated } from './guide-support.ts';
import type { IndicatorReport } from '../../shared/indicators/api.ts';
import { SAMPLE_PLAN } from './unit-support.ts';
import { readDocx } from '../support/docx-read.ts';
import { createLocalityFigures } from '../../server/stats/locality-figures.ts';

let t: TestApp;
let office: Record<string, string>;
let admin: Record<string, string>;
const Q = 'from=2025-05-01&to=2025-06-20';

beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  await seedFixture(t);
  // A resident checks in to a guided session and completes one of its courses' lessons: verified.
  const g = await createGuide(t, 'guide2', ['tdp-1']);
  const session = sessionCreated(g, { code: 'HJKM3467', startsAt: '2025-06-14T08:00:00+07:00', courses: ['cyber-safety'] });
  expect((await guideSyncResults(t, g, [session]))[0].status).toBe('accepted');
  const r = await registerLearner(t);
  const results = await syncEvents(t, r.auth, [
    joined(r.id, 'HJKM3467', { occurredAt: '2025-06-14T08:10:00+07:00' }),
    completion(r.id, { courseId: 'cyber-safety', lessonId: 'phishing', occurredAt: '2025-06-14T09:00:00+07:00' }),
    // And one lesson far too fast: held, in no figure.
    completion(r.id, { courseId: 'digital-payments', lessonId: 'vietqr', durationSec: 3, occurredAt: '2025-06-14T10:00:00+07:00' }),
  ]);
  expect(results.every((x) => x.status === 'accepted')).toBe(true);
  await createStaff(t, 'lan', 'reviewer');
  await createStaff(t, 'it', 'admin');
  office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN };
  admin = { cookie: await login(t, 'it', 'correct horse battery'), origin: ORIGIN };
}, 60_000);
afterAll(() => t.close());

/** The headline's lesson row in the Excel export's headline sheet and in the Word report's table 1: [label, figure]. */
const headlineLessonRows = () => headlineRows('Lượt hoàn thành bài học');

/** A headline row (by its label's start) in the Excel export's headline sheet and in the Word report's table 1: [label, figure]. */
async function headlineRows(labelStart: string) {
  const xlsx = await t.request(`/api/v1/stats/export.xlsx?${Q}`, { headers: office });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await xlsx.arrayBuffer());
  const sheet = book.worksheets[0];
  const rows: Array<[string, number]> = [];
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value).startsWith(labelStart)) rows.push([String(row.getCell(1).value), Number(row.getCell(2).value)]);
  });
  const docx = await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: office });
  const docRow = readDocx(new Uint8Array(await docx.arrayBuffer())).rows.find((cells) => cells.length === 3 && cells[1].startsWith(labelStart))!;
  return { xlsx: rows, docx: [docRow[1], Number(docRow[2].replace(/\D/g, ''))] as [string, number] };
}

const dashboard = async () => (await (await t.request(`/api/v1/stats/report?${Q}`, { headers: office })).json()) as Dashboard;

describe('figures by kind', () => {
  it('splits lessons into verified and self-reported, with outcomes and held records apart', async () => {
    const { kinds, headline } = await dashboard();
    // Fixture from May: 48 self completions (47 in June, U1's in May) and 1 by a guide (dashboard-support.ts), plus the resident above.
    expect(kinds).toEqual({
      verified: 2, // A1's lesson recorded by the guide, and the lesson credited to the session
      selfReported: 48,
      outcomes: 1,
      held: 1,
      official: { kinds: ['verified', 'self-reported', 'outcomes'], isDefault: true },
      officialLessons: 50,
    });
    expect(kinds.verified + kinds.selfReported).toBe(headline.lessonsCompleted);
    expect(headline.lessonsCounted).toEqual(['verified', 'self-reported']);
  });

  it('labels the headline lesson count with the kinds it counts, the same in the answer, the export and the Word report', async () => {
    const { headline } = await dashboard();
    const label = 'Lượt hoàn thành bài học (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)';
    expect(countedLabel('vi', 'Lượt hoàn thành bài học', headline.lessonsCounted)).toBe(label);
    const rows = await headlineLessonRows();
    expect(rows.xlsx).toEqual([[label, headline.lessonsCompleted]]);
    expect(rows.docx).toEqual([label, headline.lessonsCompleted]);
  });

  it('shows the same numbers in the Excel export and the Word report', async () => {
    const { kinds } = await dashboard();
    const expected = [kinds.verified, kinds.selfReported, kinds.outcomes, kinds.held, kinds.officialLessons];

    const xlsx = await t.request(`/api/v1/stats/export.xlsx?${Q}`, { headers: office });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Số liệu theo loại xác nhận')!;
    const sheetRows = [2, 3, 4, 5, 6].map((i) => sheet.getRow(i));
    expect(sheetRows.map((row) => row.getCell(2).value)).toEqual(expected);
    expect(String(sheetRows[0].getCell(3).value)).toContain('điểm danh vào một buổi hướng dẫn');

    const docx = await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: office });
    const word = readDocx(new Uint8Array(await docx.arrayBuffer()));
    const docRows = word.rows;
    const kindRows = docRows.filter((cells) => cells.length === 4 && /^[1-5]$/.test(cells[0]) && docRows.indexOf(cells) > docRows.findIndex((c) => c[1] === 'Chỉ tiêu' && c.length === 4));
    expect(kindRows.map((cells) => Number(cells[2]))).toEqual(expected);
    expect(word.paragraphs.some((p) => p.includes('Phường chưa chọn; mặc định tính'))).toBe(true);
  });

  it('counts people in coverage, the ranking and the indicators by the kinds chosen, the default being every kind', async () => {
    const seen = await peopleFigures();
    // tdp-1's six residents learnt on their phones alone (dashboard-support.ts): self-reported, counted by default.
    // Their 6 completions are hidden as "*" next to tdp-2's "<5" (the breakdown rule), the ranking's 6 % with them.
    expect(seen.dashboard).toEqual({ coverageCounted: ['verified', 'self-reported'], rankingCounted: ['verified', 'self-reported'], completed: '*', homes: 5, rank: null });
    expect(seen.indicators).toEqual({ counted: ['verified', 'self-reported'], basicSkills: 5, homes: 5 });
    expect(seen.csv).toEqual({ header: 'Người hoàn thành ≥1 khóa (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)', completed: '*' });
    expect(seen.docx).toContain('2. Phổ cập theo tổ dân phố (tính: học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại)');
  });

  it("an admin's choice moves the official figure, and is audited; a reviewer may not choose", async () => {
    const put = (headers: Record<string, string>, kinds: unknown) => t.request('/api/v1/stats/official-kinds', { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ kinds }) });
    expect((await put(office, ['verified'])).status).toBe(403);
    expect((await put(admin, [])).status).toBe(400);
    expect((await put(admin, ['guessed'])).status).toBe(400);
    expect((await put(admin, ['outcomes', 'verified'])).status).toBe(200);
    const { kinds } = await dashboard();
    expect(kinds.official).toEqual({ kinds: ['verified', 'outcomes'], isDefault: false });
    expect(kinds.officialLessons).toBe(kinds.verified);
    // The headline's lesson count follows: only what a guide confirmed, and it says so everywhere.
    const { headline } = await dashboard();
    expect(headline).toMatchObject({ lessonsCompleted: kinds.verified, lessonsCounted: ['verified'] });
    const standalone = (await (await t.request(`/api/v1/stats/headline?${Q}`, { headers: office })).json()) as { headline: Dashboard['headline'] };
    expect(standalone.headline).toMatchObject({ lessonsCompleted: kinds.verified, lessonsCounted: ['verified'] });
    const label = 'Lượt hoàn thành bài học (tính: học có người hướng dẫn xác nhận)';
    expect(await headlineLessonRows()).toEqual({ xlsx: [[label, kinds.verified]], docx: [label, kinds.verified] });
    const audit = await t.engine.all(sql`SELECT details FROM audit_log WHERE action = 'stats.official_kinds_set'`) as Array<{ details: string }>;
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ kinds: 'outcomes,verified' }]);
    const docx = await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: office });
    expect(readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.join('\n')).toContain('Phường đã chọn tính: học có người hướng dẫn xác nhận; kết quả thực hành được xác nhận.');
  });

  it('coverage, the ranking, the indicators, the export and the Word report follow the choice: only what a guide confirmed', async () => {
    // The previous test chose verified learning and outcomes.
    const seen = await peopleFigures();
    // tdp-1's six self-taught residents no longer count anywhere; tdp-2's resident registered by a guide does.
    expect(seen.dashboard).toEqual({ coverageCounted: ['verified'], rankingCounted: ['verified'], completed: 0, homes: 0, rank: 0 });
    expect(seen.tdp2Reached).toBe('<5');
    expect(seen.indicators).toEqual({ counted: ['verified'], basicSkills: 0, homes: 0 });
    expect(seen.csv).toEqual({ header: 'Người hoàn thành ≥1 khóa (tính: học có người hướng dẫn xác nhận)', completed: '0' });
    expect(seen.docx).toContain('2. Phổ cập theo tổ dân phố (tính: học có người hướng dẫn xác nhận)');
  });
});

describe('confirmed outcomes in the official figures', () => {
  const put = (kinds: unknown) => t.request('/api/v1/stats/official-kinds', { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ kinds }) });
  const OUTCOMES = 'Kết quả thực hành được xác nhận';
  /** The headline's outcome row as the dashboard's answer (what the screen and the printed report draw), the Excel export and the Word report give it. */
  async function outcomeRows() {
    const d = await dashboard();
    return { answer: [headlineLabel('vi', 'outcomesConfirmed', OUTCOMES, d.headline), d.headline.outcomesConfirmed], ...(await headlineRows(OUTCOMES)), kinds: d.kinds.outcomes };
  }

  it('left out of the choice: the headline counts none and says why, the same on every medium; the kinds table still shows them', async () => {
    expect((await put(['verified', 'self-reported'])).status).toBe(200);
    const label = `${OUTCOMES} (phường không chọn tính kết quả thực hành vào số liệu chính thức)`;
    expect(await outcomeRows()).toEqual({ answer: [label, 0], xlsx: [[label, 0]], docx: [label, 0], kinds: 1 });
    expect((await dashboard()).headline.outcomesCounted).toBe(false);
  });

  it('chosen alone: the headline counts the outcomes and no lesson, the same on every medium', async () => {
    expect((await put(['outcomes'])).status).toBe(200);
    expect(await outcomeRows()).toEqual({ answer: [OUTCOMES, 1], xlsx: [[OUTCOMES, 1]], docx: [OUTCOMES, 1], kinds: 1 });
    const lessonsLabel = 'Lượt hoàn thành bài học (phường không chọn tính loại bài học nào)';
    expect(await headlineLessonRows()).toEqual({ xlsx: [[lessonsLabel, 0]], docx: [lessonsLabel, 0] });
    expect((await dashboard()).headline).toMatchObject({ lessonsCompleted: 0, outcomesConfirmed: 1, outcomesCounted: true });
  });
});

describe("the city's reading of a locality's figures (server/stats/locality-figures.ts)", () => {
  const put = (kinds: unknown) => t.request('/api/v1/stats/official-kinds', { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ kinds }) });

  it("gives the headline's learners and official lessons, the kinds coverage counts and the groups' adults, for every choice of kinds", async () => {
    // The city reads this one statement per locality instead of the dashboard's sections: the two must never disagree.
    const figures = createLocalityFigures(t.engine, () => NOW);
    const seen: number[] = [];
    for (const kinds of [['verified', 'self-reported'], ['verified'], ['self-reported'], ['outcomes'], ['verified', 'outcomes']]) {
      expect((await put(kinds)).status).toBe(200);
      const d = await dashboard();
      const city = await figures({ from: '2025-05-01', to: '2025-06-20' });
      const adults = d.coverage.map((row) => row.adultPopulation).filter((n): n is number => n !== null);
      expect(city).toEqual({
        range: d.range,
        learners: d.headline.learners,
        newLearners: d.headline.newLearners,
        lessonsCompleted: d.headline.lessonsCompleted,
        counted: d.coverageCounted,
        adults: adults.length > 0 ? adults.reduce((a, b) => a + b, 0) : null,
      });
      seen.push(city.lessonsCompleted);
    }
    // The fixture tells the kinds apart: verified, self-reported, both and none are four different counts.
    expect(new Set(seen.slice(0, 4)).size).toBe(4);
  });
});

/** tdp-1's people as the dashboard, the indicators, the CSV export and the Word report count them. */
async function peopleFigures() {
  const d = await dashboard();
  const tdp1 = d.coverage.find((r) => r.groupId === 'tdp-1')!;
  const name = tdp1.name!;
  const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/indicators?period=2025`, { headers: office });
  expect(res.status).toBe(200);
  const ind = (await res.json()) as IndicatorReport;
  const cell = (id: string) => ind.rows.find((r) => r.id === id)!.groups[ind.groups.findIndex((g) => g.id === 'tdp-1')].actual;
  const csv = (await (await t.request(`/api/v1/stats/export.csv?${Q}`, { headers: office })).text()).split(/\r?\n/);
  const headerAt = csv.findIndex((line) => line.includes('Người hoàn thành ≥1 khóa'));
  const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = cells(csv[headerAt]);
  const column = header.findIndex((h) => h.startsWith('Người hoàn thành ≥1 khóa'));
  const row = cells(csv.slice(headerAt).find((line) => cells(line)[0] === name)!);
  const docx = await t.request(`/api/v1/stats/report.docx?${Q}`, { headers: office });
  return {
    dashboard: { coverageCounted: d.coverageCounted, rankingCounted: d.ranking.counted, completed: tdp1.completed, homes: tdp1.householdsFiveSkills, rank: d.ranking.byCoverage.find((r) => r.groupId === 'tdp-1')!.value },
    tdp2Reached: d.coverage.find((r) => r.groupId === 'tdp-2')!.reached,
    indicators: { counted: ind.counted, basicSkills: cell('basic-skills'), homes: cell('households-five-skills') },
    csv: { header: header[column], completed: row[column] },
    /** The Word report's text, a paragraph a line. */
    docx: readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.join('\n'),
  };
}
