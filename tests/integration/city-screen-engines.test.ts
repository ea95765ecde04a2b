// The city's screen over HTTP (server/routes/city.ts), on a real SQLite
// folder and a real throw-away PostgreSQL 15 cluster: the city admin sets
// targets (reviewers read them, everyone else is refused, bad input is a 4xx
// JSON, the change is audited), the overview says how each locality and the
// city stand against them, the weekly trend keeps the "<5" rules across
// localities and weeks, and the CSV and Excel files carry the very numbers
// of the screen's JSON, cell by cell.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import type { LocalityStores } from '../../server/localities/stores.ts';
import type { StaffRole } from '../../shared/api.ts';
import type { CityTrends } from '../../shared/city/trends.ts';
import type { CityView } from '../../shared/city/view.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, ORIGIN } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { ENGINES } from '../support/engines.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';

const cities = testCityDeployments();
const NOW = Date.parse('2025-06-20T03:00:00Z');
const RANGE = 'from=2025-06-02&to=2025-06-15';

/** RFC 4180 as server/csv.ts writes it: quoted fields, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

/** The rows of one titled table of the CSV: its header, then its rows up to the empty line. */
function csvTable(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start, `table "${title}" in the CSV`).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

describe.each(ENGINES)("the city's screen on %s", (kind) => {
  let stores: LocalityStores;
  let running: TestCity;
  let city: Engine;
  const cookies: Partial<Record<StaffRole, string>> = {};
  const call = (path: string, init: RequestInit & { as?: StaffRole } = {}) =>
    running.deployment.app.request(`${ORIGIN}${path}`, { ...init, headers: { 'content-type': 'application/json', origin: ORIGIN, ...(init.as ? { cookie: cookies[init.as]! } : {}), ...(init.headers as Record<string, string>) } });
  const put = (body: unknown, as?: StaffRole) => call('/api/v1/city/targets', { method: 'PUT', body: JSON.stringify(body), as });

  beforeAll(async () => {
    running = await cities.start(kind, { now: () => NOW });
    const opened = running.opened;
    city = opened.city;
    const { registry } = running.deployment;
    await registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, 1);
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, 2);
    await registry.add({ slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone' }, 3);
    stores = running.deployment.stores;
    // Residents who each finished one lesson, by week (Mondays 2 and 9 June 2025):
    // Kiến An 4 + 2, An Lão 5 + 2, Bạch Long Vĩ 0 + 2.
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(path, { method: 'POST', body: JSON.stringify(body), headers });
    for (const [slug, week1, week2] of [['kien-an', 4, 2], ['an-lao', 5, 2], ['bach-long-vi', 0, 2]] as const) {
      for (let i = 0; i < week1 + week2; i++) {
        const learner = { id: uuidv7(), secret: newSecret() };
        expect((await post(`/l/${slug}/api/v1/learners`, learner)).status).toBe(201);
        const record = completion(learner.id, { occurredAt: i < week1 ? '2025-06-03T09:30:00+07:00' : '2025-06-10T09:30:00+07:00' });
        expect((await post(`/l/${slug}/api/v1/sync`, { deviceId: record.deviceId, events: [record] }, { authorization: `Bearer ${learner.id}.${learner.secret}` })).status).toBe(200);
      }
    }
    // Adults entered for one group in Kiến An (200) and An Lão (100); none in Bạch Long Vĩ.
    for (const [slug, adults] of [['kien-an', 200], ['an-lao', 100], ['bach-long-vi', null]] as const) await running.setAdults(slug, adults);
    for (const role of ['admin', 'reviewer', 'guide'] as const) cookies[role] = await running.staffCookie(role);
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
  });

  const TARGETS = {
    city: { coverage: 0.05, learners: 20, by: '2025-12-31' },
    localities: {
      'an-lao': { coverage: 0.05, learners: 10, by: '2025-09-30' },
      'bach-long-vi': { coverage: null, learners: 5, by: '2025-09-30' },
    },
  };

  it('lets the city admin set targets, its reviewers read them, and refuses everyone else and bad input with a 4xx JSON', async () => {
    expect(await (await call('/api/v1/city/targets', { as: 'reviewer' })).json()).toEqual({ city: null, localities: {} });
    expect((await call('/api/v1/city/targets')).status).toBe(401);
    expect((await call('/api/v1/city/targets', { as: 'guide' })).status).toBe(403);
    expect((await put(TARGETS)).status).toBe(401);
    expect((await put(TARGETS, 'reviewer')).status).toBe(403);
    for (const [body, code] of [
      [{ ...TARGETS, city: { coverage: 1.5, learners: null, by: '2025-12-31' } }, 'invalid_request'],
      [{ ...TARGETS, city: { coverage: null, learners: 3, by: '2025-12-31' } }, 'invalid_request'],
      [{ ...TARGETS, city: { coverage: null, learners: null, by: '2025-12-31' } }, 'invalid_request'],
      [{ ...TARGETS, city: { coverage: 0.5, learners: null, by: '31/12/2025' } }, 'invalid_request'],
      [{ city: null, localities: { 'hai-an': { coverage: 0.5, learners: null, by: '2025-12-31' } } }, 'unknown_locality'],
    ] as const) {
      const res = await put(body, 'admin');
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([400, code]);
    }
    const broken = await call('/api/v1/city/targets', { method: 'PUT', body: '{"city":', as: 'admin' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    // Nothing of the refused saves was kept.
    expect(await (await call('/api/v1/city/targets', { as: 'admin' })).json()).toEqual({ city: null, localities: {} });

    const saved = await put(TARGETS, 'admin');
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(TARGETS);
    expect(await (await call('/api/v1/city/targets', { as: 'reviewer' })).json()).toEqual(TARGETS);
    const audit = await city.all<{ action: string; actor_username: string }>(sql`SELECT action, actor_username FROM audit_log WHERE action = 'city.targets_saved'`);
    expect(audit).toEqual([{ action: 'city.targets_saved', actor_username: 'city.admin' }]);
  }, 30_000);

  it('says how each locality and the city stand against the target that applies', async () => {
    const view = (await (await call(`/api/v1/city/overview?${RANGE}`, { as: 'reviewer' })).json()) as CityView;
    expect(view.localities.map((l) => [l.slug, l.learners, l.coverage])).toEqual([
      ['bach-long-vi', '<5', null],
      ['kien-an', '*', null],
      ['an-lao', 7, 0.07],
    ]);
    expect(view.standing).toEqual({
      city: { by: '2025-12-31', source: 'own', coverage: { target: 0.05, status: 'met', gap: 0 }, learners: { target: 20, status: 'not-yet', gap: 5 } },
      localities: {
        // "<5" is short of 5, but by how much is not said.
        'bach-long-vi': { by: '2025-09-30', source: 'own', coverage: null, learners: { target: 5, status: 'not-yet', gap: null } },
        // The city's share applies; Kiến An's share is hidden ("*"), so it cannot be judged.
        'kien-an': { by: '2025-12-31', source: 'city', coverage: { target: 0.05, status: 'unknown', gap: null }, learners: null },
        'an-lao': { by: '2025-09-30', source: 'own', coverage: { target: 0.05, status: 'met', gap: 0 }, learners: { target: 10, status: 'not-yet', gap: 3 } },
      },
    });
  }, 30_000);

  it('gives each locality its new learners by week, small counts and what would reveal them hidden across localities and weeks', async () => {
    expect((await call(`/api/v1/city/trends?${RANGE}`, { as: 'guide' })).status).toBe(403);
    expect((await call('/api/v1/city/trends?from=2025-06-15&to=2025-06-02', { as: 'admin' })).status).toBe(400);
    const trends = (await (await call(`/api/v1/city/trends?${RANGE}`, { as: 'reviewer' })).json()) as CityTrends;
    expect(trends.weeks).toEqual(['2025-06-02', '2025-06-09']);
    expect(trends.localities).toEqual([
      { slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', newLearners: [0, '<5'] },
      { slug: 'kien-an', name: 'Phường Kiến An', newLearners: ['<5', '<5'] },
      // An Lão's 2 alone hidden in its row would be its total minus 5: the 5 is hidden too.
      { slug: 'an-lao', name: 'Xã An Lão', newLearners: ['*', '<5'] },
    ]);
    expect(trends.total).toEqual([9, 6]);
  }, 30_000);

  it('exports the same numbers as the screen, cell by cell, in CSV and Excel, each labelled with what it counts', async () => {
    expect((await call(`/api/v1/city/overview.csv?${RANGE}`, { as: 'guide' })).status).toBe(403);
    expect((await call(`/api/v1/city/overview.xlsx?${RANGE}&lang=fr`, { as: 'admin' })).status).toBe(400);
    const view = (await (await call(`/api/v1/city/overview?${RANGE}`, { as: 'reviewer' })).json()) as CityView;
    const trends = (await (await call(`/api/v1/city/trends?${RANGE}`, { as: 'reviewer' })).json()) as CityTrends;
    const csvRes = await call(`/api/v1/city/overview.csv?${RANGE}&lang=en`, { as: 'reviewer' });
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = parseCsv((await csvRes.text()).replace(/^\uFEFF/, ''));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await call(`/api/v1/city/overview.xlsx?${RANGE}&lang=en`, { as: 'reviewer' })).arrayBuffer());
    const sheet = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => trimEnd(Array.isArray(r) ? Array.from(r.slice(1), (v) => (v === undefined || v === null ? '' : String(v))) : []));
    // A workbook row ends at its last filled cell; the CSV's row writes every field.
    const trimEnd = (row: string[]) => {
      const out = [...row];
      while (out.length > 0 && out.at(-1) === '') out.pop();
      return out;
    };

    const pctOf = (x: number | null) => (x === null ? '' : String(Math.round(x * 1000) / 10));
    const cell = (x: unknown) => (x === null || x === undefined ? '' : String(x));
    const localities = csvTable(csv, 'Wards, communes, special zones');
    const header = localities[0]!;
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(localities.length).toBe(1 + view.localities.length + 1);
    view.localities.forEach((l, i) => {
      const row = localities[1 + i]!;
      const s = view.standing.localities[l.slug]!;
      expect(row[col('Name')]).toBe(l.name);
      expect(row[col('Learners (people)')]).toBe(cell(l.learners));
      expect(row[col('New learners in the period (people)')]).toBe(cell(l.newLearners));
      expect(row[col('Adult population (people)')]).toBe(cell(l.adults));
      expect(row[col('Learners as a share of adults (%)')]).toBe(pctOf(l.coverage));
      expect(row[col('Growth in the period (%)')]).toBe(pctOf(l.growth));
      expect(row[col('Rank by share')]).toBe(l.coverage === null ? '' : String(view.ranking.byCoverage.indexOf(l.slug) + 1));
      expect(row[col('Share target (%)')]).toBe(pctOf(s.coverage?.target ?? null));
      expect(row[col('Share: still to go (points)')]).toBe(pctOf(s.coverage?.gap ?? null));
      expect(row[col('Learners target (people)')]).toBe(cell(s.learners?.target));
      expect(row[col('Learners: still to go (people)')]).toBe(cell(s.learners?.gap));
      expect(row[col('Target date')]).toBe(cell(s.by));
      // What the figures count, in the words of every other medium.
      expect(row[col('Figures count (kind of evidence)')]).toBe('Learning confirmed by a guide; Self-reported on a phone');
    });
    const cityRow = localities.at(-1)!;
    expect([cityRow[col('Name')], cityRow[col('Learners (people)')], cityRow[col('Learners as a share of adults (%)')], cityRow[col('Learners: met?')], cityRow[col('Learners: still to go (people)')]]).toEqual([
      'Whole city',
      String(view.totals.learners),
      pctOf(view.totals.coverage),
      'Not yet',
      '5',
    ]);
    expect(localities.map((r) => r[col('Learners: met?')])).toEqual(['Learners: met?', 'Not yet', '', 'Not yet', 'Not yet']);
    expect(localities.map((r) => r[col('Share: met?')])).toEqual(['Share: met?', '', 'Not known', 'Met', 'Met']);

    const trend = csvTable(csv, 'New learners by week');
    expect(trend).toEqual([
      ['Name', ...trends.weeks.map((w) => `Week from ${w}`)],
      ...trends.localities.map((l) => [l.name, ...l.newLearners.map(cell)]),
      ['Total', ...trends.total.map(cell)],
    ]);
    // The workbook: the same tables, cell for cell.
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'Wards, communes, special zones', 'New learners by week']);
    expect(sheet('Wards, communes, special zones')).toEqual(localities.map(trimEnd));
    expect(sheet('New learners by week')).toEqual(trend.map(trimEnd));
    expect(sheet('About')).toEqual(csvTable(csv, 'About').map(trimEnd));
    // Vietnamese is the default language of the files.
    expect(await (await call(`/api/v1/city/overview.csv?${RANGE}`, { as: 'admin' })).text()).toContain('Toàn thành phố');
  }, 30_000);

  it('has none of these routes in a single ward', async () => {
    const ward = createApp({ engine: await stores.engineOf('kien-an'), catalog: CATALOG, drawKey: () => Buffer.alloc(32, 9), config: { filesDir: cities.tempDir() } });
    for (const path of ['targets', 'trends', 'overview.csv', 'overview.xlsx']) expect((await ward.request(`${ORIGIN}/api/v1/city/${path}`)).status).toBe(404);
  });
});
