// The ward news screens on a 360 px phone, in Vietnamese and then in English
// (chosen as the app keeps it, in localStorage): the residents' list /tin and
// an item /tin/<id>, the news desk /admin/news and its editor with a photo.
// Each shows its heading in the language asked, nothing wider than the
// screen, no raw string key, and in English no Vietnamese but what the ward
// itself wrote (a story's title and text, a unit's name).
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie } from '../support/staff-api.ts';
import { jpegWithGps, sha256 } from '../support/crafted-images.ts';
import { widerThanScreen } from '../support/layout-check.ts';
import { rawKeys, textShown, vietnameseAmong } from '../support/screen-text.ts';

const e2e = useServerAndBrowser();
const PUBLISHED = {
  kind: 'support-policy',
  title: 'Hỗ trợ hộ kinh doanh mở tài khoản thanh toán và nhận tiền qua mã QR',
  summary: 'Tổ công nghệ số cộng đồng đến tận quầy hàng hướng dẫn bà con.',
  body: 'Đăng ký tại **nhà văn hóa tổ dân phố 3**:\n\n- Mang căn cước\n- Mang điện thoại',
  namesPrivate: false,
};
const DRAFT = { kind: 'announcement', title: 'Lịch học kỹ năng số tháng này', summary: '', body: 'Sáng thứ bảy, *nhà văn hóa*.', namesPrivate: false };
const ALT = 'Quầy rau có mã QR';

type Lang = 'vi' | 'en';
const WORDS = {
  vi: { news: 'Tin phường', back: '← Tin phường', share: 'Chia sẻ', desk: 'Tin phường: viết và duyệt tin', edit: 'Sửa', editor: 'Sửa tin', preview: 'Xem trước (người dân sẽ thấy như thế này)' },
  en: { news: 'Ward news', back: '← Ward news', share: 'Share', desk: 'Ward news: write and approve', edit: 'Edit', editor: 'Edit the item', preview: 'Preview (what residents will see)' },
} as const;

async function phone(cookie: string, lang: Lang): Promise<BrowserContext> {
  const ctx = await e2e.browser.newContext({ ...PHONE, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
  const [name, value] = cookie.split('=');
  await ctx.addCookies([{ name, value, url: e2e.server.url }]);
  await ctx.addInitScript((l) => localStorage.setItem('hvs.language', l), lang);
  return ctx;
}

/** The screen as a person on a phone meets it: fits, no raw key, and in English only the ward's own words in Vietnamese. */
async function expectReadable(page: Page, lang: Lang, screen: string, data: readonly string[]) {
  expect(await widerThanScreen(page), `${screen} (${lang})`).toEqual([]);
  const texts = await textShown(page);
  expect(rawKeys(texts), `${screen} (${lang})`).toEqual([]);
  if (lang === 'en') expect(vietnameseAmong(texts, data), `${screen} (en)`).toEqual([]);
}

async function post(cookie: string, path: string, body: unknown = {}) {
  const res = await fetch(`${e2e.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

describe.skipIf(!hasChromium)('ward news on a phone in Vietnamese and English', () => {
  it('lists, shows, and edits a story at 360 px in each language', { timeout: 120_000 }, async () => {
    const url = e2e.server.url;
    const cookie = await adminCookie(e2e.server);
    const camera = jpegWithGps();
    const upload = await fetch(`${url}/api/v1/story-photos/${sha256(camera)}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', origin: url, cookie }, body: new Uint8Array(camera) });
    expect(upload.status, await upload.clone().text()).toBeLessThan(300);
    const { sha256: photo } = (await upload.json()) as { sha256: string };
    const photos = [{ sha256: photo, alt: ALT }];
    const { id } = await post(cookie, '/api/v1/stories', { ...PUBLISHED, photos });
    for (const step of ['submit', 'approve', 'publish']) await post(cookie, `/api/v1/stories/${id}/${step}`);
    await post(cookie, '/api/v1/stories', { ...DRAFT, photos });
    const { wardName } = (await (await fetch(`${url}/api/v1/news`)).json()) as { wardName: string };
    const { units } = (await (await fetch(`${url}/api/v1/units`, { headers: { cookie } })).json()) as { units: { name: string }[] };
    // What the ward wrote (its units' names, the stories as they read once the Markdown is drawn).
    const data = [wardName, ALT, ...units.map((u) => u.name), ...[PUBLISHED, DRAFT].flatMap((s) => [s.title, s.summary, ...s.body.replace(/[*]/g, '').split('\n').map((line) => line.replace(/^- /, ''))])].filter(Boolean);

    for (const lang of ['vi', 'en'] as const) {
      const words = WORDS[lang];
      const ctx = await phone(cookie, lang);
      const page = await ctx.newPage();

      // The residents' list.
      await page.goto(`${url}/tin`);
      await expect.poll(() => page.getByTestId('news-card').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('h1').textContent()).toBe(words.news);
      await expectReadable(page, lang, '/tin', data);

      // One item, its photo drawn.
      await page.getByTestId('news-card').click();
      await expect.poll(() => page.getByTestId('news-title').textContent()).toBe(PUBLISHED.title);
      await expect.poll(() => page.getByTestId('news-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('nav.breadcrumb a').textContent()).toBe(words.back);
      expect(await page.getByTestId('news-share').textContent()).toBe(words.share);
      await expectReadable(page, lang, '/tin/:id', data);

      // The news desk's list, then the draft open in the editor.
      await page.goto(`${url}/admin/news`);
      await expect.poll(() => page.getByTestId('news-desk-item').count(), { timeout: 15_000 }).toBe(2);
      expect(await page.locator('h1').textContent()).toBe(words.desk);
      await expectReadable(page, lang, '/admin/news', data);
      await page.locator('[data-testid=news-desk-item][data-status=draft]').getByRole('button', { name: words.edit, exact: true }).click();
      const editor = page.getByTestId('news-editor');
      expect(await editor.locator('h2').textContent()).toBe(words.editor);
      expect(await page.getByTestId('news-preview').locator('h3').textContent()).toBe(words.preview);
      await expect.poll(() => page.getByTestId('news-preview-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
      await expectReadable(page, lang, '/admin/news editor', data);
      await ctx.close();
    }
  });
});
