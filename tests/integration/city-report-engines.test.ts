// The city's consolidated report over HTTP (server/routes/city-report.ts) on
// a real SQLite folder and a real throw-away PostgreSQL 15 cluster: three
// localities whose residents registered and synced through the city's
// addresses; the Word file read back names the city from its home profile,
// lists every locality with the same figures as GET /api/v1/city/overview
// ("<5" and "*" where the overview hides a count) and the city's totals; the
// printable page says the same; only the city's reviewers and admins get it,
// and a bad period is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/api.ts';
import type { CityOverview } from '../../shared/city/api.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, ORIGIN } from './helpers.ts';
import { ENGINES } from '../support/engines.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';
import { readDocx, wordElements } from '../support/docx-read.ts';

const cities = testCityDeployments();
const NOW = Date.parse('2025-06-01T03:00:00Z');
const PERIOD = 'from=2025-05-01&to=2025-06-30';
// Any city: the report takes its name from the home profile, never from the code.
const CITY = 'Thành phố Cần Thơ';

/** A figure as the document writes it, read back: "1.234" → 1234; "<5" and "*" stay as they are. */
const countOf = (text: string) => (text === '<5' || text === '*' ? text : Number(text.replace(/\./g, '')));
/** "7%" or "12,5%" → 0.07 / 0.125; "—" → null. */
const shareOf = (text: string) => (text === '—' ? null : Number(text.replace('%', '').replace(',', '.')) / 100);

describe.each(ENGINES)("the city's consolidated report on %s", (kind) => {
  let running: TestCity;
  const cookies: Partial<Record<StaffRole | 'resident', string>> = {};
  const call = (path: string, init: RequestInit & { as?: StaffRole } = {}) =>
    running.deployment.app.request(`${ORIGIN}${path}`, { ...init, headers: { 'content-type': 'application/json', origin: ORIGIN, ...(init.as ? { cookie: cookies[init.as]! } : {}), ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    running = await cities.start(kind, { now: () => NOW });
    const { registry } = running.deployment;
    await registry.add({ slug: 'le-chan', name: 'Phường Lê Chân', kind: 'ward' }, 1);
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, 2);
    await registry.add({ slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone' }, 3);
    // Residents who each finished one lesson: 6 in Lê Chân, 7 in An Lão, 2 in Bạch Long Vĩ.
    for (const [slug, n] of [['le-chan', 6], ['an-lao', 7], ['bach-long-vi', 2]] as const) {
      for (let i = 0; i < n; i++) {
        const learner = { id: uuidv7(), secret: newSecret() };
        expect((await call(`/l/${slug}/api/v1/learners`, { method: 'POST', body: JSON.stringify(learner) })).status).toBe(201);
        const record = completion(learner.id);
        const res = await call(`/l/${slug}/api/v1/sync`, { method: 'POST', body: JSON.stringify({ deviceId: record.deviceId, events: [record] }), headers: { authorization: `Bearer ${learner.id}.${learner.secret}` } });
        expect(res.status).toBe(200);
      }
    }
    // Adults entered for one group in Lê Chân (200) and An Lão (100); none in Bạch Long Vĩ.
    for (const [slug, adults] of [['le-chan', 200], ['an-lao', 100], ['bach-long-vi', null]] as const) await running.setAdults(slug, adults);
    for (const role of ['admin', 'reviewer', 'guide'] as const) cookies[role] = await running.staffCookie(role);
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
  });

  const overviewJson = async () => (await (await call(`/api/v1/city/overview?${PERIOD}`, { as: 'reviewer' })).json()) as CityOverview;

  it("leaves the issuer to be written in while the home profile is still the shipped sample, then names the city the admin entered", async () => {
    const sample = readDocx(new Uint8Array(await (await call(`/api/v1/city/report.docx?${PERIOD}`, { as: 'reviewer' })).arrayBuffer()));
    // Not the sample ward's name at the head of the city's document.
    expect(sample.paragraphs.join('\n')).not.toMatch(/Kiến An|mẫu/i);
    expect(sample.paragraphs).toContain('……………');
    expect(sample.paragraphs).toContain('……, ngày 01 tháng 6 năm 2025');
    // The city's admin names the city in its home profile.
    expect((await call('/api/v1/ward', { method: 'PUT', body: JSON.stringify({ name: CITY, channels: [] }), as: 'admin' })).status).toBe(200);
    const named = readDocx(new Uint8Array(await (await call(`/api/v1/city/report.docx?${PERIOD}`, { as: 'reviewer' })).arrayBuffer()));
    expect(named.paragraphs).toContain('THÀNH PHỐ CẦN THƠ');
  }, 60_000);

  it('is a Word file with every locality and the same figures as the city view, small counts hidden alike', async () => {
    const res = await call(`/api/v1/city/report.docx?${PERIOD}`, { as: 'reviewer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain('bao-cao-tong-hop-2025-05-01-2025-06-30.docx');
    const word = readDocx(new Uint8Array(await res.arrayBuffer()));
    const view = await overviewJson();
    expect(view.localities).toHaveLength(3);

    // The issuing body and the place are the city of the home profile.
    expect(word.paragraphs).toContain('THÀNH PHỐ CẦN THƠ');
    expect(word.paragraphs).toContain('Cần Thơ, ngày 01 tháng 6 năm 2025');
    expect(word.paragraphs).toContain('Kỳ báo cáo: từ ngày 1/5/2025 đến ngày 30/6/2025');
    expect(word.paragraphs.join('\n')).not.toMatch(/Hải Phòng|Kiến An/);

    const header = word.rows.findIndex((r) => r[1] === 'Địa phương');
    expect(header).toBeGreaterThan(-1);
    const rows = word.rows.slice(header + 1, header + 1 + view.localities.length + 1);
    for (const [i, l] of view.localities.entries()) {
      const row = rows.find((r) => r[1] === l.name);
      expect(row, l.name).toBeDefined();
      expect(row![0]).toBe(String(i + 1));
      expect([countOf(row![3]!), countOf(row![4]!)]).toEqual([l.learners, l.newLearners]);
      expect(shareOf(row![5]!)).toBe(l.coverage);
      expect(shareOf(row![6]!)).toBe(l.growth);
      // Ranked only where the share is shown, in the overview's order.
      expect(row![7]).toBe(l.coverage === null ? '—' : String(view.ranking.byCoverage.indexOf(l.slug) + 1));
      expect(row![8]).toBe(l.growth === null ? '—' : String(view.ranking.byGrowth.indexOf(l.slug) + 1));
    }
    // The city's totals close the table.
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Toàn thành phố');
    expect([countOf(total[3]!), countOf(total[4]!), shareOf(total[5]!)]).toEqual([view.totals.learners, view.totals.newLearners, view.totals.coverage]);

    // "<5" exactly where the overview sends it: Bạch Long Vĩ's 2, and Lê Chân's 6 hidden too so the total does not give the 2 away.
    expect(rows.find((r) => r[1] === 'Đặc khu Bạch Long Vĩ')!.slice(3, 7)).toEqual(['<5', '<5', '—', '—']);
    expect(rows.find((r) => r[1] === 'Phường Lê Chân')!.slice(3, 7)).toEqual(['*', '*', '—', '—']);
    expect(rows.find((r) => r[1] === 'Xã An Lão')!.slice(3, 8)).toEqual(['7', '7', '7%', '7%', '1']);
    expect(word.paragraphs.some((p) => p.startsWith('“<5” nghĩa là ít hơn 5 người'))).toBe(true);
    // What each figure is, in the document itself.
    expect(word.paragraphs.some((p) => p.startsWith('- Người học (lũy kế đến cuối kỳ):') && p.includes('tự khai trên điện thoại') && p.includes('xác nhận'))).toBe(true);
    // The table's heading row repeats on every page.
    const headRow = wordElements(word.document, 'tr')[header]!;
    expect(wordElements(headRow, 'tblHeader')).toHaveLength(1);
    // Nine columns in 11 pt (22 half-points), as on the printed page.
    expect(new Set(wordElements(headRow, 'sz').map((e) => e.attributes.val))).toEqual(new Set(['22']));
  }, 60_000);

  it('is a printable page with the same rows as the Word file', async () => {
    const res = await call(`/api/v1/city/report.html?${PERIOD}`, { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const word = readDocx(new Uint8Array(await (await call(`/api/v1/city/report.docx?${PERIOD}`, { as: 'admin' })).arrayBuffer()));
    const htmlRows = [...html.matchAll(/<tr(?: class="total")?>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))));
    const gridRows = htmlRows.filter((r) => r.length === 9);
    expect(gridRows).toEqual(word.rows.filter((r) => r.length === 9));
    expect(html).toContain('ỦY BAN NHÂN DÂN');
    expect(html).toContain('THÀNH PHỐ CẦN THƠ');
    expect(html).toContain('@page');
    expect(html).toContain('href="report.docx?from=2025-05-01&#38;to=2025-06-30"');
  }, 60_000);

  it("is for the city's reviewers and admins only", async () => {
    for (const path of ['/api/v1/city/report.docx', '/api/v1/city/report.html']) {
      expect((await call(path)).status).toBe(401);
      expect((await call(path, { as: 'guide' })).status).toBe(403);
      // A resident's own credentials are no staff session.
      const resident = { id: uuidv7(), secret: newSecret() };
      expect((await call('/api/v1/learners', { method: 'POST', body: JSON.stringify(resident) })).status).toBe(201);
      expect((await call(path, { headers: { authorization: `Bearer ${resident.id}.${resident.secret}` } })).status).toBe(401);
      expect((await call(path, { as: 'reviewer' })).status).toBe(200);
    }
  }, 60_000);

  it('refuses a bad period with a 400 that says why', async () => {
    for (const query of ['from=2025-06-09&to=2025-06-01', 'from=2010-01-01&to=2025-06-01', 'from=yesterday', 'group=to-1']) {
      for (const path of ['/api/v1/city/report.docx', '/api/v1/city/report.html']) {
        const res = await call(`${path}?${query}`, { as: 'admin' });
        expect(res.status, `${path}?${query}`).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toMatch(/invalid/);
        expect(body.error.message.length).toBeGreaterThan(0);
      }
    }
  }, 30_000);
});
