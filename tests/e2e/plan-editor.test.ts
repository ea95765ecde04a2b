// An admin edits the ward's plan in the plan editor (/admin/plans) against
// the real server: the sample plan gets the ward's number and title and a
// content item's wording, is saved, and after a reload the list and the
// form show the change (the sample is now the ward's own). A bad edit — a
// duty naming a content item the plan does not have — is refused with a
// message naming the duty and the item, and changes nothing in the store
// nor after a reload. Refusals only the server finds (a sub-point too long,
// a sub-form line that is no id) are said in the editor's words too — the
// content item's number and the sub-form's row, never the server's field path
// — with the server's code kept.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const OFFICE = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
type PlanRow = { numberSymbol: string; title: string; isSample: number; structure: string; updatedAt: number };
const planRow = async () => (await dbRows<PlanRow>(e2e.server, `SELECT number_symbol AS "numberSymbol", title, CASE WHEN is_sample THEN 1 ELSE 0 END AS "isSample", structure, updated_at AS "updatedAt" FROM plans WHERE id = 'sample-nq57'`))[0];

describe.skipIf(!hasChromium)('the admin plan editor', () => {
  it('saves an edit that survives a reload, and refuses a bad one in words without changing anything', async () => {
    const cookie = await adminCookie(e2e.server);
    const ctx = await e2e.browser.newContext(OFFICE);
    const [name, value] = cookie.split('=');
    await ctx.addCookies([{ name, value, url: e2e.server.url }]);
    const page = await ctx.newPage();
    const list = page.getByTestId('plan-list');
    const editor = page.getByTestId('plan-editor');
    const open = async (numberSymbol: string) => {
      await page.goto(`${e2e.server.url}/admin/plans`);
      await list.getByRole('button', { name: `Sửa kế hoạch ${numberSymbol}` }).click({ timeout: 15_000 });
      await editor.waitFor();
    };
    const sample = await planRow();
    expect(sample.isSample).toBe(1);

    // ── The ward's own number, title and wording of content item 1.3.
    await open(sample.numberSymbol);
    await editor.locator('input[name="numberSymbol"]').fill('45/KH-UBND');
    await editor.locator('input[name="title"]').fill('Tuyên truyền Nghị quyết số 57-NQ/TW trên địa bàn phường năm 2026');
    // The third content item is 1.3 (the form sets values as properties, so they are read, not matched).
    const item = editor.getByTestId('plan-item').nth(2);
    expect(await item.locator('input.code').inputValue()).toBe('1.3');
    await item.getByLabel('Nội dung', { exact: true }).fill('Thành tựu, mô hình điển hình của phường');
    await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await expect.poll(() => page.locator('.plans-page > [role="status"]').textContent(), { timeout: 15_000 }).toBe('Đã lưu.');
    const saved = await planRow();
    expect(saved).toMatchObject({ numberSymbol: '45/KH-UBND', title: 'Tuyên truyền Nghị quyết số 57-NQ/TW trên địa bàn phường năm 2026', isSample: 0 });
    expect((JSON.parse(saved.structure) as { contentItems: Array<{ code: string; title: string }> }).contentItems.find((c) => c.code === '1.3')?.title).toBe('Thành tựu, mô hình điển hình của phường');

    // After a reload: the list and the form show the ward's plan, no longer the sample.
    await open('45/KH-UBND');
    expect(await list.textContent()).toContain('Tuyên truyền Nghị quyết số 57-NQ/TW trên địa bàn phường năm 2026');
    expect(await page.getByRole('note').count()).toBe(0);
    expect(await editor.locator('input[name="title"]').inputValue()).toBe('Tuyên truyền Nghị quyết số 57-NQ/TW trên địa bàn phường năm 2026');
    expect(await item.getByLabel('Nội dung', { exact: true }).inputValue()).toBe('Thành tựu, mô hình điển hình của phường');

    // ── A bad edit: the first duty names content item 9.9, which the plan does not have.
    const duty = editor.getByTestId('plan-duty').first();
    const items = duty.getByLabel('Nội dung (số mục, cách nhau bằng dấu phẩy)');
    const before = await items.inputValue();
    await items.fill(`${before}, 9.9`);
    await editor.locator('input[name="title"]').fill('Sửa dở, không được lưu');
    await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    const problem = editor.locator('p.admin-message').last();
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('Chưa lưu');
    const words = (await problem.textContent()) ?? '';
    expect(words).toContain('9.9');
    expect(words).toContain('Nhiệm vụ của các đơn vị');
    expect(await planRow()).toEqual(saved);
    await open('45/KH-UBND');
    expect(await editor.locator('input[name="title"]').inputValue()).toBe('Tuyên truyền Nghị quyết số 57-NQ/TW trên địa bàn phường năm 2026');
    expect(await editor.getByTestId('plan-duty').first().getByLabel('Nội dung (số mục, cách nhau bằng dấu phẩy)').inputValue()).toBe(before);

    // ── Edits the editor does not check itself: a sub-point of 1.3 longer than the plan allows, and a
    // sub-form written without its id ("Pa nô cỡ lớn" is not an id). The server refuses both.
    const points = editor.getByTestId('plan-item').nth(2).getByLabel('Các ý (mỗi dòng một ý)');
    const pointsBefore = await points.inputValue();
    const nextPoint = pointsBefore.split('\n').filter((l) => l.trim()).length + 1;
    await points.fill(`${pointsBefore}\n${'Tuyên truyền mô hình điển hình của phường. '.repeat(15)}`);
    const form = editor.getByTestId('plan-form').first();
    const formCode = await form.locator('input.code').inputValue();
    const subForms = form.getByLabel('Hình thức cụ thể', { exact: true });
    const subFormsBefore = await subForms.inputValue();
    const nextSubForm = subFormsBefore.split('\n').filter((l) => l.trim()).length + 1;
    await subForms.fill(`${subFormsBefore}\nPa nô cỡ lớn`);
    await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('Chưa lưu');
    const said = (await problem.textContent()) ?? '';
    expect(said).toContain(`Nội dung 1.3, ý thứ ${nextPoint}: dài quá 600 ký tự`);
    expect(said).toContain(`Hình thức ${formCode}, hình thức cụ thể dòng ${nextSubForm}: mã chỉ được gồm chữ thường không dấu`);
    expect(said).toContain('invalid_request');
    expect(said).not.toMatch(/contentItems|subForms|Too big|Invalid/);
    expect(await planRow()).toEqual(saved);
    await ctx.close();
  }, 120_000);
});
