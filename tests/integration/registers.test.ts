// The plan's registers against the real app and SQLite: a unit officer files
// and reads only their own unit's entries (another unit's is 403, and writes
// nothing), VH-XH reads every unit's and records the handling; bad input is
// a 4xx JSON answer with nothing written; every write is in the audit log;
// budget totals are the server's sums; and the report's section III reader.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { difficultiesForReport } from '../../server/registers/difficulties.ts';
import type { Budget, Difficulty, Misinfo } from '../../shared/registers/schema.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { hasLocation, jpegWithComment, jpegWithGps, PLAIN_JPEG, PLAIN_PDF, sha256 } from '../support/crafted-images.ts';
import { SAMPLE_PLAN, sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let kthtdt: Member;
let reviewer: Member;
let admin: Member;
beforeEach(async () => {
  t = setupTestApp();
  [ttsnc, kthtdt, reviewer, admin] = await Promise.all([
    staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'),
    staffMember(t, 'minh-kthtdt', 'unit', 'kt-ht-dt'),
    staffMember(t, 'vhxh', 'reviewer'),
    staffMember(t, 'admin', 'admin'),
  ]);
});
afterEach(() => t.close());

const R = '/api/v1/registers';
const get = (who: Member, path: string) => t.request(`${R}/${path}`, { headers: who.headers });
const auditCount = async (action: string) => (await t.engine.get(sql`SELECT COUNT(*) AS n FROM audit_log WHERE action = ${action}`) as { n: number }).n;

const difficulty = (overrides: Record<string, unknown> = {}) => ({ planId: SAMPLE_PLAN, itemCode: '1.2', summary: 'Thiếu loa ở tổ 5', details: 'Loa hỏng từ tháng 5.', raisedOn: '2025-06-02', ...overrides });
async function file(who: Member, overrides: Record<string, unknown> = {}): Promise<Difficulty> {
  const res = await sendJson(t, 'POST', `${R}/difficulties`, who, difficulty(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** Sends a request that must be refused with `status` and a JSON error, writing nothing. */
async function refused(res: Response | Promise<Response>, status: number, code?: string) {
  const before = await t.snapshot();
  const answer = await res;
  const body = await answer.json();
  expect(answer.status, JSON.stringify(body)).toBe(status);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  expect(await t.snapshot(), 'a refused request wrote rows').toBe(before);
  return body;
}

describe('difficulties', () => {
  it('a unit officer files for their own unit and VH-XH records the proposal, then the resolution', async () => {
    const filed = await file(ttsnc);
    expect(filed).toMatchObject({ unitId: 'ttsnc', status: 'new', handling: null, itemCode: '1.2' });
    expect(await auditCount('difficulty.filed')).toBe(1);

    const proposed = await sendJson(t, 'PUT', `${R}/difficulties/${filed.id}/handling`, reviewer, { status: 'proposed', handling: 'Trình UBND phường bố trí kinh phí sửa loa.', handledOn: '2025-06-05' });
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({ status: 'proposed', proposedOn: '2025-06-05', resolvedOn: null });
    const resolved = await sendJson(t, 'PUT', `${R}/difficulties/${filed.id}/handling`, admin, { status: 'resolved', handling: 'UBND phường đã cấp loa mới.', handledOn: '2025-06-20' });
    // The day it went to the People's Committee is kept after it is resolved.
    expect(await resolved.json()).toMatchObject({ status: 'resolved', proposedOn: '2025-06-05', resolvedOn: '2025-06-20', handledOn: '2025-06-20' });
    expect(await auditCount('difficulty.handled')).toBe(2);
  });

  it("a unit officer sees only their own unit's, and is refused another unit's entry", async () => {
    const mine = await file(ttsnc);
    await file(kthtdt, { summary: 'Chưa có đường truyền ở nhà văn hóa' });
    const list = async (who: Member) => ((await (await get(who, 'difficulties')).json()) as { difficulties: Difficulty[] }).difficulties.map((d) => d.unitId);
    expect(await list(ttsnc)).toEqual(['ttsnc']);
    expect(await list(kthtdt)).toEqual(['kt-ht-dt']);
    expect((await list(reviewer)).sort()).toEqual(['kt-ht-dt', 'ttsnc']);
    // Asking for another unit by filter gives still only one's own.
    expect(((await (await get(kthtdt, 'difficulties?unit=ttsnc')).json()) as { difficulties: Difficulty[] }).difficulties.map((d) => d.unitId)).toEqual(['kt-ht-dt']);
    await refused(get(kthtdt, `difficulties/${mine.id}`), 403, 'forbidden');
    expect((await get(ttsnc, `difficulties/${mine.id}`)).status).toBe(200);
    // Unit officers do not record the handling, not even of their own.
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${mine.id}/handling`, ttsnc, { status: 'resolved', handling: 'Xong', handledOn: '2025-06-03' }), 403);
    // VH-XH does not file for a unit.
    await refused(sendJson(t, 'POST', `${R}/difficulties`, reviewer, difficulty()), 403);
  });

  it('the filing unit corrects its entry until VH-XH has handled it', async () => {
    const filed = await file(ttsnc);
    const corrected = await sendJson(t, 'PUT', `${R}/difficulties/${filed.id}`, ttsnc, difficulty({ summary: 'Thiếu hai loa ở tổ 5', itemCode: null }));
    expect(corrected.status).toBe(200);
    expect(await corrected.json()).toMatchObject({ id: filed.id, unitId: 'ttsnc', summary: 'Thiếu hai loa ở tổ 5', itemCode: null, status: 'new' });
    expect(await auditCount('difficulty.corrected')).toBe(1);
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}`, kthtdt, difficulty()), 403, 'forbidden');
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}`, reviewer, difficulty()), 403);
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}`, ttsnc, difficulty({ summary: '' })), 400);
    await sendJson(t, 'PUT', `${R}/difficulties/${filed.id}/handling`, reviewer, { status: 'handling', handling: 'Đang liên hệ nhà cung cấp.', handledOn: '2025-06-03' });
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}`, ttsnc, difficulty()), 409, 'already_handled');
  });

  it('refuses bad input with a 4xx JSON answer and writes nothing', async () => {
    await refused(sendJson(t, 'POST', `${R}/difficulties`, ttsnc, difficulty({ summary: '  ' })), 400, 'invalid_request');
    await refused(sendJson(t, 'POST', `${R}/difficulties`, ttsnc, difficulty({ raisedOn: '2025-02-30' })), 400);
    await refused(sendJson(t, 'POST', `${R}/difficulties`, ttsnc, difficulty({ unitId: 'kt-ht-dt' })), 400);
    await refused(sendJson(t, 'POST', `${R}/difficulties`, ttsnc, difficulty({ itemCode: '9.9' })), 422, 'not_in_plan');
    await refused(sendJson(t, 'POST', `${R}/difficulties`, ttsnc, difficulty({ planId: 'no-such-plan' })), 422, 'unknown_plan');
    await refused(t.request(`${R}/difficulties`, { method: 'POST', headers: { ...ttsnc.headers, 'content-type': 'application/json' }, body: '{"planId":' }), 400, 'invalid_json');
    const filed = await file(ttsnc);
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}/handling`, reviewer, { status: 'new', handling: 'x', handledOn: '2025-06-03' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/difficulties/${filed.id}/handling`, reviewer, { status: 'handling', handling: 'x', handledOn: '2025-06-01' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/difficulties/0190b8a0-0000-7000-8000-000000000000/handling`, reviewer, { status: 'handling', handling: 'x', handledOn: '2025-06-03' }), 404);
    await refused(get(reviewer, 'difficulties/not-an-id'), 404);
    await refused(get(reviewer, 'difficulties?plan=' + encodeURIComponent('<script>')), 400);
  });

  it('section III of the plan report reads the difficulties open during the span', async () => {
    const early = await file(ttsnc, { summary: 'Đã xong trước kỳ', raisedOn: '2025-04-01' });
    await sendJson(t, 'PUT', `${R}/difficulties/${early.id}/handling`, reviewer, { status: 'resolved', handling: 'Đã xử lý.', handledOn: '2025-04-10' });
    const open = await file(kthtdt, { summary: 'Chưa có đường truyền', raisedOn: '2025-05-20', itemCode: null });
    const inSpan = await file(ttsnc, { summary: 'Thiếu loa ở tổ 5', raisedOn: '2025-06-02' });
    await sendJson(t, 'PUT', `${R}/difficulties/${inSpan.id}/handling`, reviewer, { status: 'proposed', handling: 'Trình UBND phường.', handledOn: '2025-06-05' });
    await file(ttsnc, { summary: 'Sau kỳ', raisedOn: '2025-07-01' });

    const rows = await difficultiesForReport(t.engine, SAMPLE_PLAN, '2025-06-01', '2025-06-30');
    expect(rows.map((r) => [r.unitName, r.summary, r.status, r.handling, r.raisedOn, r.handledOn])).toEqual([
      ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Chưa có đường truyền', 'new', null, '2025-05-20', null],
      ['Trung tâm sự nghiệp công', 'Thiếu loa ở tổ 5', 'proposed', 'Trình UBND phường.', '2025-06-02', '2025-06-05'],
    ]);
    expect(rows[0].id).toBe(open.id);
    expect(await difficultiesForReport(t.engine, 'another-plan', '2025-06-01', '2025-06-30')).toEqual([]);
  });
});

const misinfo = (overrides: Record<string, unknown> = {}) => ({
  planId: SAMPLE_PLAN,
  itemCode: '1.2',
  platform: 'facebook',
  link: 'https://social.example/p/123',
  seenOn: '2025-06-03',
  description: 'Bài đăng nói cài ứng dụng lạ để nhận hỗ trợ',
  assessment: 'Sai sự thật, có dấu hiệu lừa đảo',
  action: 'reported',
  actionOn: '2025-06-03',
  status: 'following',
  ...overrides,
});

describe('false or misleading information', () => {
  it('staff log it; a unit officer edits and reads only their own unit\'s; the office reads all', async () => {
    const byUnit = await sendJson(t, 'POST', `${R}/misinformation`, ttsnc, misinfo());
    expect(byUnit.status).toBe(201);
    const entry = (await byUnit.json()) as Misinfo;
    expect(entry).toMatchObject({ unitId: 'ttsnc', screenshotFile: null, correctionLink: null });
    const byOffice = (await (await sendJson(t, 'POST', `${R}/misinformation`, reviewer, misinfo({ platform: 'zalo' }))).json()) as Misinfo;
    expect(byOffice.unitId).toBeNull();

    const ids = async (who: Member) => ((await (await get(who, 'misinformation')).json()) as { entries: Misinfo[] }).entries.map((e) => e.id).sort();
    expect(await ids(ttsnc)).toEqual([entry.id]);
    expect(await ids(kthtdt)).toEqual([]);
    expect(await ids(reviewer)).toEqual([entry.id, byOffice.id].sort());

    await refused(get(kthtdt, `misinformation/${entry.id}`), 403, 'forbidden');
    await refused(sendJson(t, 'PUT', `${R}/misinformation/${entry.id}`, kthtdt, misinfo({ status: 'closed', closedOn: '2025-06-04' })), 403, 'forbidden');
    await refused(sendJson(t, 'PUT', `${R}/misinformation/${byOffice.id}`, ttsnc, misinfo()), 403, 'forbidden');

    const corrected = misinfo({ action: 'corrected', correctionLink: 'https://phuong.example/tin/dinh-chinh', actionOn: '2025-06-04', status: 'closed', closedOn: '2025-06-05' });
    const updated = await sendJson(t, 'PUT', `${R}/misinformation/${entry.id}`, ttsnc, corrected);
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ unitId: 'ttsnc', action: 'corrected', status: 'closed', closedOn: '2025-06-05', screenshotFile: null });
    expect(await auditCount('misinformation.logged')).toBe(2);
    expect(await auditCount('misinformation.updated')).toBe(1);
  });

  it('takes only a public http(s) link, no personal fields, and a consistent action and status', async () => {
    const p = (o: Record<string, unknown>) => sendJson(t, 'POST', `${R}/misinformation`, ttsnc, misinfo(o));
    await refused(p({ link: 'javascript:alert(1)' }), 400);
    await refused(p({ link: 'ftp://social.example/p/1' }), 400);
    await refused(p({ link: 'tel:0900000000' }), 400);
    await refused(p({ authorName: 'Nguyễn Văn A' }), 400);
    await refused(p({ action: 'corrected' }), 400);
    await refused(p({ action: 'corrected', correctionLink: 'data:text/html,x' }), 400);
    await refused(p({ action: 'none', correctionLink: 'https://phuong.example/x' }), 400);
    await refused(p({ action: 'reported', actionOn: null }), 400);
    await refused(p({ status: 'closed' }), 400);
    await refused(p({ actionOn: '2025-06-01' }), 400);
    await refused(p({ platform: 'myspace' }), 400);
    await refused(p({ screenshotFile: '../../etc/passwd' }), 400);
    await refused(p({ itemCode: '7.1' }), 422, 'not_in_plan');
    expect(await t.count('register_misinformation')).toBe(0);
  });
});

describe('a screenshot of the post', () => {
  const upload = (who: Member, bytes: Uint8Array, sent = sha256(bytes)) =>
    t.request(`${R}/screenshots/${sent}`, { method: 'PUT', headers: { ...who.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });

  it('is uploaded first, without its location data, stored once, and named by the entry', async () => {
    const shot = jpegWithGps();
    const first = await upload(ttsnc, shot);
    expect(first.status).toBe(201);
    const stored = ((await first.json()) as { sha256: string; type: string }).sha256;
    expect(stored).not.toBe(sha256(shot)); // the GPS block is gone, so the bytes are new
    expect((await upload(ttsnc, shot)).status).toBe(200); // sent again: nothing new
    expect(await t.count('stored_files')).toBe(1);
    expect(await auditCount('misinformation.screenshot_uploaded')).toBe(1);

    // Named by the hash it was sent under, kept under the stored one.
    const res = await sendJson(t, 'POST', `${R}/misinformation`, ttsnc, misinfo({ screenshotFile: sha256(shot) }));
    expect(res.status).toBe(201);
    const entry = (await res.json()) as Misinfo;
    expect(entry.screenshotFile).toBe(stored);
    const served = await t.request(`${R}/screenshots/${stored}`, { headers: ttsnc.headers });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(hasLocation(new Uint8Array(await served.arrayBuffer()))).toBe(false);
    // The office reads it; another unit's officer does not; nobody without a staff login does.
    expect((await t.request(`${R}/screenshots/${stored}`, { headers: reviewer.headers })).status).toBe(200);
    expect((await t.request(`${R}/screenshots/${stored}`, { headers: kthtdt.headers })).status).toBe(403);
    expect((await t.request(`${R}/screenshots/${stored}`)).status).toBe(401);
    // An edit that keeps it is fine; the office may add its own to the unit's entry and the unit still reads it.
    expect((await sendJson(t, 'PUT', `${R}/misinformation/${entry.id}`, ttsnc, misinfo({ screenshotFile: stored }))).status).toBe(200);
    const officeShot = jpegWithComment('anh cua van phong');
    expect((await upload(reviewer, officeShot)).status).toBe(201);
    const byOffice = await sendJson(t, 'PUT', `${R}/misinformation/${entry.id}`, reviewer, misinfo({ screenshotFile: sha256(officeShot) }));
    expect(byOffice.status).toBe(200);
    expect((await t.request(`${R}/screenshots/${((await byOffice.json()) as Misinfo).screenshotFile}`, { headers: ttsnc.headers })).status).toBe(200);
  });

  it('refuses a file that is not a picture or was not uploaded for the register by this side, and writes nothing', async () => {
    expect((await upload(ttsnc, PLAIN_PDF)).status).toBe(415);
    expect((await upload(ttsnc, new TextEncoder().encode('<html>x</html>'))).status).toBe(415);
    expect((await upload(ttsnc, PLAIN_JPEG, 'b'.repeat(64))).status).toBe(400); // the bytes do not match the hash
    expect(await t.count('stored_files')).toBe(0);
    // Never uploaded; or uploaded by another unit: the entry cannot name it.
    await refused(sendJson(t, 'POST', `${R}/misinformation`, ttsnc, misinfo({ screenshotFile: 'a'.repeat(64) })), 422, 'unknown_file');
    const other = jpegWithComment('kt-ht-dt');
    expect((await upload(kthtdt, other)).status).toBe(201);
    await refused(sendJson(t, 'POST', `${R}/misinformation`, ttsnc, misinfo({ screenshotFile: sha256(other) })), 422, 'unknown_file');
    expect(await t.count('register_misinformation')).toBe(0);
  });
});

const budget = (overrides: Record<string, unknown> = {}) => ({
  planId: SAMPLE_PLAN,
  title: 'Tuyên truyền trực quan quý III',
  proposedOn: '2025-06-10',
  lines: [
    { description: 'Pa nô 2 x 4 m', quantity: 2, proposedAmount: 3_000_000 },
    { description: 'Băng rôn', quantity: 10, proposedAmount: 2_500_000 },
    { description: 'Thuê xe loa', proposedAmount: 1_200_000 },
  ],
  ...overrides,
});

describe('budget proposals', () => {
  it('a unit proposes lines in đồng; VH-XH approves per line; totals are the server\'s sums', async () => {
    const res = await sendJson(t, 'POST', `${R}/budget`, kthtdt, budget({ proposedTotal: 1 }));
    // A total sent by the client is refused, not trusted.
    expect(res.status).toBe(400);
    const created = (await (await sendJson(t, 'POST', `${R}/budget`, kthtdt, budget())).json()) as Budget;
    expect(created).toMatchObject({ unitId: 'kt-ht-dt', status: 'proposed', proposedTotal: 6_700_000, approvedTotal: null });
    expect(created.lines.map((l) => [l.quantity, l.approvedAmount])).toEqual([[2, null], [10, null], [null, null]]);

    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, kthtdt, { status: 'approved', approvedAmounts: [1, 1, 1], decidedOn: '2025-06-12' }), 403);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [3_000_000, 2_500_001, 0], decidedOn: '2025-06-12' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [3_000_000], decidedOn: '2025-06-12' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [0, 0, 0], decidedOn: '2025-06-12' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [1.5, 0, 0], decidedOn: '2025-06-12' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [1, 0, 0], decidedOn: '2025-06-01' }), 400);
    await refused(sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'rejected', approvedAmounts: [1, 0, 0], decidedOn: '2025-06-12' }), 400);

    const decided = await sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, reviewer, { status: 'approved', approvedAmounts: [3_000_000, 1_500_000, 0], decidedOn: '2025-06-12', note: 'Xe loa dùng của phường.' });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ status: 'approved', proposedTotal: 6_700_000, approvedTotal: 4_500_000, decidedOn: '2025-06-12', note: 'Xe loa dùng của phường.' });
    expect(await auditCount('budget.proposed')).toBe(1);
    expect(await auditCount('budget.decided')).toBe(1);

    // TTSNC's officer cannot read KT-HT-ĐT's proposal, nor find it in the list.
    await refused(get(ttsnc, `budget/${created.id}`), 403, 'forbidden');
    expect(((await (await get(ttsnc, 'budget')).json()) as { proposals: Budget[] }).proposals).toEqual([]);
    expect(((await (await get(admin, 'budget')).json()) as { proposals: Budget[] }).proposals.map((p) => p.id)).toEqual([created.id]);
  });

  it('a refusal approves nothing; amounts are whole đồng within bounds', async () => {
    const created = (await (await sendJson(t, 'POST', `${R}/budget`, ttsnc, budget())).json()) as Budget;
    const res = await sendJson(t, 'PUT', `${R}/budget/${created.id}/decision`, admin, { status: 'rejected', decidedOn: '2025-06-11', note: 'Chưa có nguồn.' });
    expect(await res.json()).toMatchObject({ status: 'rejected', approvedTotal: 0 });
    const p = (o: Record<string, unknown>) => sendJson(t, 'POST', `${R}/budget`, ttsnc, budget(o));
    await refused(p({ lines: [] }), 400);
    await refused(p({ lines: [{ description: 'x', proposedAmount: -1 }] }), 400);
    await refused(p({ lines: [{ description: 'x', proposedAmount: 10.5 }] }), 400);
    await refused(p({ lines: [{ description: 'x', proposedAmount: 1e13 }] }), 400);
    await refused(p({ lines: [{ description: 'x', proposedAmount: '100' }] }), 400);
    await refused(p({ lines: [{ description: 'x', quantity: 0, proposedAmount: 100 }] }), 400);
    await refused(p({ planId: 'nope' }), 422, 'unknown_plan');
    await refused(sendJson(t, 'POST', `${R}/budget`, reviewer, budget()), 403);
    expect(await t.count('register_budget_proposals')).toBe(1);
    expect(await t.count('register_budget_lines')).toBe(3);
  });
});
