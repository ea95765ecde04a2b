// The admin's units screen on a 360 px phone: the sample units are listed on
// the plans page; renaming one and adding one reach the database (the
// renamed unit is no longer a sample) and show at once, with nothing wider
// than the screen. The new unit is offered where officers are created.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminPasswordFrom } from '../support/server-process.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)('the units screen', () => {
  it('renames and adds units at 360 px', async () => {
    const ctx = await e2e.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${e2e.server.url}/ward`);
    await page.getByLabel(/tên đăng nhập/i).fill('admin');
    await page.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(e2e.server.output()));
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${e2e.server.url}/admin/plans`);
    const editor = page.getByTestId('units-editor');
    await expect.poll(() => editor.getByTestId('unit-row').count(), { timeout: 15_000 }).toBe(4);

    const mttq = editor.locator('[data-testid="unit-row"][data-unit="mttq"]');
    await mttq.getByLabel('Tên đầy đủ').fill('Ủy ban Mặt trận Tổ quốc Việt Nam phường');
    await mttq.getByRole('button', { name: 'Lưu tên đơn vị MTTQ' }).click();
    await expect.poll(() => editor.getByRole('status').textContent()).toBe('Đã lưu tên đơn vị MTTQ.');
    expect(await dbRows(e2e.server, `SELECT name, CASE WHEN is_sample THEN 1 ELSE 0 END AS "isSample" FROM units WHERE id = 'mttq'`)).toEqual([{ name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường', isSample: 0 }]);

    const add = editor.getByTestId('new-unit-form');
    await add.getByLabel('Tên viết tắt').fill('DTN');
    await add.getByLabel('Tên đầy đủ').fill('Đoàn Thanh niên phường');
    await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect.poll(() => editor.getByTestId('unit-row').count()).toBe(5);
    expect(await editor.getByRole('status').textContent()).toBe('Đã thêm đơn vị DTN.');
    expect(await dbRows(e2e.server, `SELECT id, short_name AS "shortName" FROM units WHERE id = 'dtn'`)).toEqual([{ id: 'dtn', shortName: 'DTN' }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The same abbreviation again is refused in words, and nothing is added.
    await add.getByLabel('Tên viết tắt').fill('DTN');
    await add.getByLabel('Tên đầy đủ').fill('Đoàn Thanh niên (lần hai)');
    await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect.poll(() => editor.getByRole('alert').textContent()).toContain('Đã có đơn vị với tên viết tắt này');
    expect(await dbRows(e2e.server, 'SELECT id FROM units')).toHaveLength(5);

    // Officers can now be created for the new unit.
    await page.goto(`${e2e.server.url}/admin/staff`);
    await expect.poll(() => page.locator('select[name="officer-unit"] option').allTextContents(), { timeout: 15_000 }).toContain('DTN — Đoàn Thanh niên phường');
    await ctx.close();
  }, 120_000);
});
