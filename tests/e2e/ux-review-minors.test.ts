// The small things the real-browser walk-through (the December UX review)
// tripped over, each checked as a resident or an officer meets it, in tests
// named after the review's item. Where each item is tested (this file unless
// named; e2e files in tests/e2e):
//   B-1 join-before-guide-sync · M-1 here · M-2 ward-report-print and
//   tests/integration/report-docx · M-3 office-tables-phone, guide-session ·
//   M-4 ward-channels · M-5, M-6, M-9 guide-session · M-7 resident-journey ·
//   M-8 resident-rights (c)
//   minor 1 practice · 2 here, ward-channels · 3 here · 4 here,
//   web/src/i18n/plain-words.test.ts · 5 web/src/learn/quiz-view.test.tsx ·
//   6 here, resident-journey · 7 web/src/learn/lesson-resume.test.tsx ·
//   8 here, resident-journey · 9 resident-rights (b) · 10–14 guide-session ·
//   15 here, web/src/guide/guide-sync.test.ts ·
//   16 web/src/admin/admin-staff-page.test.tsx ·
//   17 web/src/admin/audit-page.test.tsx · 18 ward-dashboard,
//   office-tables-phone · 19 tests/integration/dashboard.test.ts ·
//   20 here, studio-cards · 21 here, ward-channels · 22, 23 ward-channels,
//   resident-journey
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SESSION_CODE_ALPHABET } from '../../shared/guide/constants.ts';
import { newSessionCode } from '../../web/src/guide/code.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { activeLearnerId, finishLesson, openPhone } from '../support/resident-driver.ts';
import { adminCookie } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';
import { createGuideAccount, createSessionOnPhone, guidePhoneOffline } from '../support/guide-driver.ts';

const e2e = useServerAndBrowser();

/** The vertical or horizontal gap between two elements' boxes (negative when they overlap). */
async function gapBetween(page: Page, a: string, b: string): Promise<number> {
  const [ra, rb] = await Promise.all([page.getByTestId(a).boundingBox(), page.getByTestId(b).boundingBox()]);
  return Math.max(rb!.y - (ra!.y + ra!.height), ra!.y - (rb!.y + rb!.height), rb!.x - (ra!.x + ra!.width), ra!.x - (rb!.x + rb!.width));
}

/** Every lesson of a course, walked through to its end. */
async function finishCourse(page: Page, courseId: string) {
  const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
  const course = index.courses.find((c: { id: string }) => c.id === courseId);
  for (const lesson of course.lessons as { id: string }[]) {
    await page.goto(`${e2e.server.url}/courses/${courseId}`);
    await page.getByTestId(`lesson-${lesson.id}`).click();
    await finishLesson(page);
  }
  return course as { title: { vi: string; en: string } };
}

/**
 * Runs in the page before the app: keeps each line of text a canvas draws
 * (its words, baseline and width), where the QR code starts (its black
 * squares), and the files handed to the share sheet, which this phone has.
 */
function catchSharedPicture() {
  const w = window as unknown as { drawn: Array<{ text: string; y: number; width: number }>; qrTop: number; shared: string[] };
  Object.assign(w, { drawn: [], qrTop: Infinity, shared: [] });
  const proto = CanvasRenderingContext2D.prototype;
  const fillText = proto.fillText;
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
    w.drawn.push({ text, y, width: this.measureText(text).width });
    fillText.call(this, text, x, y, max);
  };
  const fillRect = proto.fillRect;
  proto.fillRect = function (this: CanvasRenderingContext2D, x: number, y: number, width: number, height: number) {
    if (this.fillStyle === '#000000') w.qrTop = Math.min(w.qrTop, y);
    fillRect.call(this, x, y, width, height);
  };
  Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
  Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: { files: File[] }) => void w.shared.push(...data.files.map((f) => f.name)) });
}

/** Taps the certificate's share button; the picture's lines of text, in order, and the QR code's top. */
async function sharedPicture(page: Page, button: string) {
  await page.evaluate(() => Object.assign(window, { drawn: [], qrTop: Infinity, shared: [] }));
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shared: string[] }).shared)).toEqual([expect.stringMatching(/^chung-nhan-.+\.png$/)]);
  const { drawn, qrTop } = await page.evaluate(() => {
    const w = window as unknown as { drawn: Array<{ text: string; y: number; width: number }>; qrTop: number };
    return { drawn: w.drawn, qrTop: w.qrTop };
  });
  return { lines: drawn, text: drawn.map((l) => l.text).join(' '), qrTop };
}

describe.skipIf(!hasChromium)('the UX review, minor items', () => {
  it('minor 4: the welcome says what the app keeps in plain Vietnamese, and consent shows a date, not a time or a notice version', async () => {
    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(e2e.server.url);
    await page.getByTestId('welcome-next').click();
    await page.getByTestId('welcome-next').click();
    expect(await page.getByTestId('welcome').locator('h2').textContent()).toBe('Ứng dụng lưu những gì về bạn');
    await page.getByTestId('welcome-start').click();

    await page.goto(`${e2e.server.url}/me`);
    await page.locator('#profile-name').fill('Bà Tư');
    await page.getByTestId('consent-check').check();
    await page.getByTestId('consent-give').click();
    await expect.poll(() => page.getByTestId('consent-state').locator('p').textContent(), { timeout: 10_000 }).toMatch(/^Bạn đã đồng ý ngày \d{1,2}\/\d{1,2}\/\d{4}\.$/);
    await phone.close();
  });

  it('minors 2, 3 and 6: label and value apart, "Cài đặt" only for settings, and a finished course shows its certificate apart from sharing', { timeout: 240_000 }, async () => {
    const phone = await e2e.browser.newContext(PHONE);
    const page = await openPhone(phone, e2e.server.url);
    const course = await finishCourse(page, 'local-platforms');

    // Minor 6: the last lesson's screen names the course and links its certificate.
    expect(await page.getByTestId('course-finished').innerText()).toContain(course.title.vi);
    expect(await page.getByTestId('course-finished-certificate').getAttribute('href')).toBe('/certificates/local-platforms');
    // …and on the course page the certificate link does not touch the share button.
    await page.goto(`${e2e.server.url}/courses/local-platforms`);
    await page.getByTestId('course-certificate').waitFor();
    expect(await gapBetween(page, 'course-certificate', 'share-course')).toBeGreaterThanOrEqual(8);

    // Minor 2: the certificate list puts a space between the course and its code or state.
    await page.goto(`${e2e.server.url}/certificates`);
    await page.getByTestId('certificate-local-platforms').waitFor();
    expect(await page.getByTestId('certificate-local-platforms').textContent()).toMatch(new RegExp(`^${course.title.vi} \\S`));

    // Minor 3: the offer to add the app to the home screen (after a finished
    // lesson) does not say "Cài đặt", which is the header's settings link.
    await page.goto(e2e.server.url);
    await page.getByTestId('home-plan').waitFor();
    await page.evaluate(() => {
      const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => Promise.resolve(),
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(offer);
    });
    const install = page.getByTestId('install-offer');
    await install.waitFor();
    const settings = (await page.getByTestId('settings-link').innerText()).trim();
    expect(settings).toContain('Cài đặt');
    expect(await install.innerText()).not.toContain('Cài đặt');
    expect(await install.locator('button').first().innerText()).toBe('Thêm vào màn hình chính');

    // Minor 2, in English: "Continue where you left off" and the lesson's title are two words.
    await page.goto(`${e2e.server.url}/courses/public-services`);
    await page.locator('[data-testid^="lesson-"]').first().click();
    await page.getByTestId('next-step').first().click();
    await page.evaluate(() => localStorage.setItem('hvs.language', 'en'));
    await page.goto(e2e.server.url);
    await expect.poll(() => page.getByTestId('continue-lesson').textContent(), { timeout: 10_000 }).toMatch(/^Continue where you left off \S/);
    await phone.close();
  });

  it('minor 21: the fifth skill has one name on home, its course, its certificate and the certificate\'s shared picture (in Vietnamese and English), and every checklist row is a link', { timeout: 240_000 }, async () => {
    const name = 'Nền tảng số khác phù hợp với địa phương';
    const phone = await e2e.browser.newContext(PHONE);
    await phone.addInitScript(catchSharedPicture);
    const page = await openPhone(phone, e2e.server.url);
    // Home's checklist: each of the five rows opens its skill's next course, so each looks and acts as a link.
    const rows = await page.getByTestId('skill-checklist').locator('li').evaluateAll((lis) =>
      lis.map((li) => {
        const link = li.querySelector('a.skill-row');
        return link ? getComputedStyle(link.querySelector('.skill-name')!).textDecorationLine : 'not a link';
      }),
    );
    expect(rows).toEqual(['underline', 'underline', 'underline', 'underline', 'underline']);
    expect(await page.getByTestId('skill-local-platforms').locator('.skill-name').textContent()).toBe(name);
    await page.getByTestId('skill-local-platforms').click();
    await page.waitForURL(`${e2e.server.url}/courses/local-platforms`);
    expect(await page.getByTestId('course-skill').textContent()).toBe(`Kỹ năng: ${name}`);

    const course = await finishCourse(page, 'local-platforms');
    await page.getByTestId('course-finished-certificate').click();
    await page.getByTestId('certificate').waitFor();
    expect(await page.getByTestId('certificate-skill').textContent()).toBe(`Kỹ năng: ${name}`);

    // The picture a resident shares (to Zalo and the like) says the same, inside the frame and above the QR code.
    // Lessons finished in seconds are held for the office's review; once it accepts them the certificate has its code.
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state'), { timeout: 60_000 }).toBe('under-review');
    const review = await fetch(`${e2e.server.url}/api/v1/integrity/learners/${await activeLearnerId(page)}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie: await adminCookie(e2e.server) },
      body: JSON.stringify({ decision: 'accepted' }),
    });
    expect(review.status).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state'), { timeout: 60_000 }).toBe('confirmed');
    const vi = await sharedPicture(page, 'Chia sẻ ảnh chứng nhận');
    expect(vi.text).toContain(`${course.title.vi} Kỹ năng: ${name} Cấp cho`);
    expect(vi.lines.filter((l) => l.width > 920), 'lines wider than the frame').toEqual([]);
    expect(vi.lines.slice(0, -1).filter((l) => l.y + 12 > vi.qrTop), 'lines over the QR code').toEqual([]);

    await page.evaluate(() => localStorage.setItem('hvs.language', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state'), { timeout: 30_000 }).toBe('confirmed');
    const en = await sharedPicture(page, 'Share as a picture');
    expect(en.text).toContain(`${course.title.en} Skill: Other digital platforms suited to the locality Awarded to`);
    expect(en.lines.filter((l) => l.width > 920)).toEqual([]);
    expect(en.lines.slice(0, -1).filter((l) => l.y + 12 > en.qrTop)).toEqual([]);
    await phone.close();
  });

  it('minor 8: the move code says until when it works', async () => {
    const phone = await e2e.browser.newContext(PHONE);
    const page = await openPhone(phone, e2e.server.url);
    await page.goto(`${e2e.server.url}/me/move`);
    await page.getByTestId('make-recovery-code').click();
    await page.getByTestId('recovery-code').waitFor();
    expect(await page.getByTestId('recovery-code-expires').textContent()).toMatch(/^Mã dùng được đến .*\d{1,2}:\d{2}.* \(trong 24 giờ\)/);
    await phone.close();
  });

  it('M-1: offline, a misheard session code is told at once and never taken for a session; the right one is kept', async () => {
    const code = newSessionCode();
    const at = 3;
    const misheard = code.slice(0, at) + SESSION_CODE_ALPHABET[(SESSION_CODE_ALPHABET.indexOf(code[at]) + 1) % SESSION_CODE_ALPHABET.length] + code.slice(at + 1);
    const phone = await e2e.browser.newContext(PHONE);
    const page = await openPhone(phone, e2e.server.url);
    await page.goto(`${e2e.server.url}/join`);
    await page.getByTestId('join-code').waitFor();
    await setPhoneOffline(phone, true);
    for (const wrong of [misheard, 'AAAA AAAA']) {
      await page.getByTestId('join-code').fill(wrong);
      await page.getByTestId('join-submit').click();
      await expect.poll(() => page.getByTestId('join-problem').textContent(), { timeout: 10_000 }).toContain('nhầm một ký tự');
      expect(await page.getByTestId('join-result').count()).toBe(0);
    }
    await page.getByTestId('join-code').fill(code);
    await page.getByTestId('join-submit').click();
    await expect.poll(() => page.getByTestId('join-result').getAttribute('data-kind'), { timeout: 10_000 }).toBe('offline');
    await phone.close();
  });

  it('minor 20: the 16:9 poster can be shown full screen, filling the screen', async () => {
    const cookie = await adminCookie(e2e.server);
    const ctx = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const [name, value] = cookie.split('=');
    await ctx.addCookies([{ name, value, url: e2e.server.url }]);
    const page = await ctx.newPage();
    await page.goto(`${e2e.server.url}/admin/posters`);
    await page.getByTestId('poster').waitFor();
    await page.locator('select[name="format"]').selectOption('screen');
    // The poster's text is sized by the poster's own width, so a wider poster is larger text.
    const posterWidth = () => page.getByTestId('poster').evaluate((el) => el.getBoundingClientRect().width);
    const preview = await posterWidth();
    await page.getByRole('button', { name: 'Chiếu toàn màn hình' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('poster-zoom') ?? false)).toBe(true);
    const shown = await page.getByTestId('poster').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return Math.max(r.width / innerWidth, r.height / innerHeight);
    });
    expect(shown).toBeGreaterThan(0.95);
    expect(await posterWidth()).toBeGreaterThan(preview * 1.2);
    await ctx.close();
  });

  it('minor 15: the guide page shows records sent from elsewhere (another tab, a sync in the background) without being touched', async () => {
    const password = await createGuideAccount(e2e.server);
    const { ctx, guide } = await guidePhoneOffline(e2e.browser, e2e.server, password);
    // Opened again without signal, as a phone in airplane mode: the page knows it has no network.
    await guide.reload();
    await createSessionOnPhone(guide, { title: 'Dịch vụ công trực tuyến', place: 'Nhà văn hóa tổ 1', course: 'public-services' });
    await expect.poll(() => guide.getByTestId('guide-pending').textContent()).toBe('1 ghi nhận chưa gửi');
    const lastSent = () => guide.getByTestId('guide-sync').locator('p.muted').textContent();
    const before = await lastSent();
    // Taps "Gửi ngay" without signal: each failed try makes the phone wait longer (minutes, by now)
    // before it tries again by itself, so only the page following the records can show what follows.
    for (let i = 0; i < 3; i++) {
      await guide.getByTestId('guide-sync-now').click();
      await expect.poll(() => guide.getByTestId('guide-sync-state').textContent()).toBe('Không có mạng — sẽ gửi khi có mạng');
    }

    // Signal comes back, but this page does not send: as far as it knows the phone is still without network.
    await ctx.setOffline(false);
    // Another tab of the same phone sends the waiting record.
    const other = await ctx.newPage();
    await other.goto(`${e2e.server.url}/guide`);
    await other.getByTestId('guide-sync-now').waitFor();
    await other.evaluate(() => void ((globalThis as { __phoneOffline?: boolean }).__phoneOffline = false));
    await other.getByTestId('guide-sync-now').click();
    await expect.poll(() => other.getByTestId('guide-pending').textContent(), { timeout: 15_000 }).toBe('0 ghi nhận chưa gửi');
    expect(await dbRows(e2e.server, 'SELECT id FROM guide_sessions')).toHaveLength(1);

    // The first page, untouched, no longer says the record waits, and says when it was sent.
    await expect.poll(() => guide.getByTestId('guide-pending').textContent(), { timeout: 10_000 }).toBe('0 ghi nhận chưa gửi');
    expect(await lastSent()).toMatch(/^Lần gửi lên phường gần nhất: /);
    expect(await lastSent()).not.toBe(before);
    await ctx.close();
  });
});
