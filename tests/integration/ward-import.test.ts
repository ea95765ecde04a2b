// Importing residential groups from the office's own CSV/XLSX file: all rows
// or none, row-level errors, admins only.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  t = setupTestApp();
  await createStaff(t, 'boss', 'admin');
  admin = { cookie: await login(t, 'boss', 'correct horse battery'), origin: ORIGIN };
});
afterEach(() => t.close());

const post = (body: unknown, headers: Record<string, string> = admin) =>
  t.request('/api/v1/ward/import', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const file = (fileName: string, bytes: Uint8Array | string, dryRun = false) => ({
  fileName,
  contentBase64: Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64'),
  dryRun,
});
const groups = async () => (await (await t.request('/api/v1/ward/admin', { headers: admin })).json()).groups;

const GOOD_CSV = '\uFEFFMã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\r\ntdp-1,Tổ dân phố Đồng Hòa 1,812,301\r\ntdp-7,"Tổ dân phố 7, Lãm Hà","1.204",455\r\n';

describe('ward import', () => {
  it('imports a good CSV (with BOM, Vietnamese headers, thousands separator) in one go', async () => {
    const res = await post(file('to-dan-pho.csv', GOOD_CSV));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.groups).toEqual([
      { id: 'tdp-1', name: 'Tổ dân phố Đồng Hòa 1', adultPopulation: 812, households: 301, action: 'update' },
      { id: 'tdp-7', name: 'Tổ dân phố 7, Lãm Hà', adultPopulation: 1204, households: 455, action: 'add' },
    ]);
    expect(body.kept).toEqual(['tdp-2', 'tdp-3', 'tdp-4', 'tdp-5', 'tdp-6']);
    const after = await groups();
    expect(after.find((g: { id: string }) => g.id === 'tdp-7')).toEqual({ id: 'tdp-7', name: 'Tổ dân phố 7, Lãm Hà', adultPopulation: 1204, households: 455, figuresAreSample: false });
    expect(after.find((g: { id: string }) => g.id === 'tdp-1')).toMatchObject({ adultPopulation: 812, figuresAreSample: false });
  });

  it('imports an Excel workbook with English headers, and a CSV without BOM separated by semicolons', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('TDP');
    sheet.addRow(['Code', 'Name', 'Adult population', 'Households', 'Ghi chú']);
    sheet.addRow(['TDP-8', 'Tổ dân phố 8', 640, 210, 'mới']);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await post(file('ds.xlsx', xlsx));
    expect(res.status).toBe(200);
    expect((await res.json()).ignoredColumns).toEqual(['Ghi chú']);
    expect((await groups()).find((g: { id: string }) => g.id === 'tdp-8')).toMatchObject({ name: 'Tổ dân phố 8', adultPopulation: 640, households: 210 });

    const semi = await post(file('ds.csv', 'Tên tổ;Số hộ\nTổ dân phố 2;99\n'));
    expect(semi.status).toBe(200);
    // No code column: the existing group with that name is updated, not duplicated.
    expect((await semi.json()).groups).toEqual([{ id: 'tdp-2', name: 'Tổ dân phố 2', adultPopulation: null, households: 99, action: 'update' }]);
  });

  it('a dry run previews and changes nothing', async () => {
    const before = await groups();
    const res = await post(file('to-dan-pho.csv', GOOD_CSV, true));
    expect(res.status).toBe(200);
    expect((await res.json()).dryRun).toBe(true);
    expect(await groups()).toEqual(before);
  });

  it('one bad row: nothing changes, and the answer names that row and column', async () => {
    const before = await groups();
    const csv = 'Mã tổ,Tên tổ dân phố,Dân số trưởng thành,Số hộ\ntdp-1,Tổ 1 mới,900,300\ntdp-9,Tổ 9,abc,12\ntdp-10,Tổ 10,50,20\n';
    const res = await post(file('x.csv', csv));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_rows');
    expect(body.error.rows).toEqual([{ row: 3, column: 'Dân số trưởng thành', message: expect.stringContaining('abc') }]);
    expect(await groups()).toEqual(before);
  });

  it('reports duplicate codes, bad codes and a missing name column', async () => {
    const dup = await (await post(file('x.csv', 'Mã tổ,Tên tổ\ntdp-1,A\nTDP-1,B\nTổ 3!,C\n'))).json();
    expect(dup.error.rows.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([[3, 'Mã tổ'], [4, 'Mã tổ']]);
    const noName = await (await post(file('x.csv', 'Mã tổ,Số hộ\ntdp-1,3\n'))).json();
    expect(noName.error.rows[0]).toMatchObject({ row: 1 });
  });

  it('refuses other roles and anonymous callers', async () => {
    await createStaff(t, 'lan', 'reviewer');
    const reviewer = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN };
    await createStaff(t, 'hoa', 'guide');
    const guide = { cookie: await login(t, 'hoa', 'correct horse battery'), origin: ORIGIN };
    const learner = await registerLearner(t);
    expect((await post(file('a.csv', GOOD_CSV), reviewer)).status).toBe(403);
    expect((await post(file('a.csv', GOOD_CSV), guide)).status).toBe(403);
    expect((await post(file('a.csv', GOOD_CSV), learner.auth)).status).toBe(401);
    expect((await groups()).find((g: { id: string }) => g.id === 'tdp-7')).toBeUndefined();
  });

  it('answers 4xx for garbage, oversized and empty files', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const cases: Array<[unknown, number]> = [
      [file('x.csv', garbage), 400],
      [file('x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])), 400],
      [file('x.xlsx', 'Mã tổ,Tên tổ\n'), 400],
      [file('x.xls', 'abc'), 400],
      [file('big.csv', 'a'.repeat(600 * 1024)), 413],
      [{ fileName: 'x.csv', contentBase64: '' }, 400],
      [file('x.csv', 'Mã tổ,Tên tổ\n'), 422],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await res.json()).error.code).toBeTruthy();
    }
  });
});

describe('poster facts', () => {
  it('gives admins the configured public origin and the ward name; others 403', async () => {
    const configured = setupTestApp({ config: { publicOrigin: 'https://hocvuso.example.vn' } });
    try {
      await createStaff(configured, 'boss', 'admin');
      const cookie = await login(configured, 'boss', 'correct horse battery');
      const body = await (await configured.request('/api/v1/ward/admin/poster', { headers: { cookie } })).json();
      expect(body).toEqual({ publicOrigin: 'https://hocvuso.example.vn', wardName: 'Phường Kiến An (mẫu)' });
    } finally {
      configured.close();
    }
    expect(await (await t.request('/api/v1/ward/admin/poster', { headers: admin })).json()).toMatchObject({ publicOrigin: null });
    await createStaff(t, 'lan', 'reviewer');
    const reviewer = await login(t, 'lan', 'correct horse battery');
    expect((await t.request('/api/v1/ward/admin/poster', { headers: { cookie: reviewer } })).status).toBe(403);
  });
});
