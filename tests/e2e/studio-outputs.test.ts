// What leaves the outreach studio, in real Chromium against the real server:
// a loudspeaker bulletin made from a lesson and a screen-written line is
// exported as plain UTF-8 text a text-to-speech program can read (no
// addresses, no screen words, numbers and dates spoken), prints a reader's
// script that pdftotext reads back, and its read-aloud preview says when the
// device has no Vietnamese voice and reads the text when it has one. A social
// card goes to the phone's share sheet as a PNG with the post's text, and a
// unit officer logs it in the unit's outreach log in one tap.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { unfitForRadio } from '../support/radio-words.ts';
import { adminCookie, createStaff, loginCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const OFFICE = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };

async function withCookie(cookie: string, options: Parameters<typeof e2e.browser.newContext>[0]): Promise<BrowserContext> {
  const ctx = await e2e.browser.newContext({ ...options, acceptDownloads: true });
  const [name, value] = cookie.split('=');
  await ctx.addCookies([{ name, value, url: e2e.server.url }]);
  return ctx;
}

describe.skipIf(!hasChromium)('studio outputs', () => {
  it('a bulletin exports as spoken UTF-8 text, prints a reader\'s script and says when there is no Vietnamese voice', async () => {
    const cookie = await adminCookie(e2e.server);
    const office = await withCookie(cookie, OFFICE);
    const page = await office.newPage();
    await page.goto(`${e2e.server.url}/admin/bulletins`);
    const source = page.locator('fieldset.bulletin-source');
    await source.locator('select').first().selectOption('shop-2026');
    await source.locator('select').nth(1).selectOption('end-of-lump-sum-tax');
    await source.getByRole('button', { name: 'Đưa vào bản tin' }).click();
    await expect.poll(() => page.getByLabel('Tiêu đề').inputValue()).toContain('2026');
    // A line written for a screen, then the composer's "write it as spoken".
    const body = page.getByLabel('Nội dung đọc');
    await body.fill(`${await body.inputValue()}\n\nĐến 8h30 ngày 5/12/2026 đã có 62% hộ nộp hồ sơ trên https://dichvucong.gov.vn.`);
    await page.getByRole('button', { name: 'Viết lại số, ngày, địa chỉ web như khi đọc' }).click();

    // Plain text for the radio's text-to-speech program.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp văn bản (.txt)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.txt$/);
    const bytes = readFileSync((await download.path())!);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(bytes.includes(Buffer.from('Từ', 'utf8'))).toBe(true);
    expect(text).toContain('ngày 1 tháng 1 năm 2026');
    expect(text).toContain('62 phần trăm');
    expect(text).toContain('8 giờ 30 ngày 5 tháng 12 năm 2026');
    expect(text).toContain('dịch vụ công chấm gov chấm vn, viết liền không dấu');
    expect(unfitForRadio(text)).toEqual([]);

    // The reader's script: only the bulletin is on paper.
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-'));
    const pdf = join(dir, 'script.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(printed).toContain('Bản đọc cho phát thanh viên');
    expect(printed).toContain('62 phần trăm hộ nộp hồ sơ');
    expect(printed).toContain('ngày 1 tháng 1 năm 2026');
    expect(printed).not.toContain('Tải tệp văn bản');
    expect(printed).not.toContain('Lấy nội dung từ');

    // Headless Chromium has no Vietnamese voice: the page says so instead of a button that does nothing.
    await page.getByText('Máy này chưa có giọng đọc tiếng Việt nên không nghe thử được.').waitFor();
    expect(await page.getByRole('button', { name: 'Nghe thử' }).count()).toBe(0);
    await office.close();

    // A device with a Vietnamese voice: "Nghe thử" reads the headline and the text in Vietnamese.
    const voiced = await withCookie(cookie, OFFICE);
    await voiced.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const voice = { lang: 'vi-VN', name: 'Giọng thử', voiceURI: 'vi-test', default: false, localService: true };
      class Utterance {
        text: string;
        lang = '';
        voice: unknown = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: { getVoices: () => [voice], speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined },
      });
    });
    const withVoice = await voiced.newPage();
    await withVoice.goto(`${e2e.server.url}/admin/bulletins`);
    await withVoice.getByLabel('Tiêu đề').fill('Lịch tiêm chủng');
    await withVoice.getByLabel('Nội dung đọc').fill('Sáng thứ bảy, trạm y tế phường tiêm chủng cho trẻ.');
    await withVoice.getByRole('button', { name: 'Nghe thử' }).click();
    await withVoice.getByRole('button', { name: 'Dừng' }).waitFor();
    expect(await withVoice.evaluate(() => (window as unknown as { spoken: unknown }).spoken)).toEqual([{ text: 'Lịch tiêm chủng.\n\nSáng thứ bảy, trạm y tế phường tiêm chủng cho trẻ.', lang: 'vi-VN' }]);
    await voiced.close();
  }, 120_000);

  it('a card goes to the share sheet as a PNG with the post, and a unit officer logs it once', async () => {
    const password = await createStaff(e2e.server, await adminCookie(e2e.server), { username: 'lan', displayName: 'Chị Lan', role: 'unit', unitId: 'ttsnc' });
    const phone = await withCookie(await loginCookie(e2e.server, 'lan', password), PHONE);
    await phone.addInitScript(() => {
      const w = window as unknown as { shared: Array<{ files: File[]; text: string }> };
      w.shared = [];
      Object.defineProperty(navigator, 'canShare', { value: (data: { files?: File[] }) => Array.isArray(data.files) });
      Object.defineProperty(navigator, 'share', {
        value: async (data: { files: File[]; text: string }) => {
          w.shared.push({ files: [...data.files], text: data.text });
        },
      });
    });
    const page = await phone.newPage();
    await page.goto(`${e2e.server.url}/admin/studio`);
    await page.locator('select[name="course"]').selectOption('shop-2026');
    await page.locator('select[name="lesson"]').selectOption('end-of-lump-sum-tax');
    await expect.poll(() => page.getByTestId('card-canvas').getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
    await page.getByRole('button', { name: 'Chia sẻ ảnh' }).click();
    // The PNG is encoded from the 1080 px canvas first: seconds on a busy machine.
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared.length), { timeout: 20_000 }).toBe(1);
    // What the share sheet got: read in the page, where the File lives.
    const shared = await page.evaluate(async () => {
      const [{ files, text }] = (window as unknown as { shared: Array<{ files: File[]; text: string }> }).shared;
      return { text, files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, size: f.size, head: [...new Uint8Array(await f.slice(0, 8).arrayBuffer())] }))) };
    });
    expect(shared.files).toHaveLength(1);
    expect(shared.files[0]).toMatchObject({ type: 'image/png', name: expect.stringMatching(/-square\.png$/) });
    expect(shared.files[0].head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(shared.files[0].size).toBeGreaterThan(10_000);
    const lessonUrl = `${e2e.server.url}/courses/shop-2026/lessons/end-of-lump-sum-tax`;
    expect(shared.text).toBe(await page.getByTestId('card-post').inputValue());
    expect(shared.text).toContain(lessonUrl);

    // Posted on Facebook: one tap into the outreach log, twice, one activity with the lesson's link.
    const log = page.getByTestId('log-card');
    await log.getByLabel('Đăng ở đâu').selectOption('facebook-post');
    await log.getByRole('button', { name: 'Ghi vào nhật ký' }).click();
    await log.getByText('Đã ghi vào nhật ký tuyên truyền.').waitFor();
    await log.getByRole('button', { name: 'Ghi vào nhật ký' }).click();
    await log.getByText('Mục này đã có trong nhật ký, không ghi thêm.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const rows = await dbRows<{ form_code: string; sub_form_id: string; details: string }>(e2e.server, 'SELECT form_code, sub_form_id, details FROM unit_activities');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ form_code: '2.1', sub_form_id: 'facebook-post' });
    expect(JSON.parse(rows[0].details).links).toEqual([lessonUrl]);
    await phone.close();
  }, 120_000);
});
