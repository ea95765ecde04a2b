// The resident's journey on phone-sized Chromium: finish a whole course with
// the network off, come back online, and get a certificate whose code the
// public verification page confirms once an officer has accepted the lessons
// (finished at a test's speed, they are held); then move to a second phone (a second
// browser context) with a transfer code and find the same progress there.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { activeLearnerId, finishLesson } from '../support/resident-driver.ts';
import { adminCookie } from '../support/staff-api.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { inViewport } from '../support/layout-check.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)('resident: certificate and moving to a new phone', () => {
  it('earns a certificate offline, gets it confirmed online, and moves it to a second phone (minor 6: the course-finished moment; minor 8: the move says it is done, its code on one line)', { timeout: 300_000 }, async () => {
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    const lessons: string[] = course.lessons.map((l: { id: string }) => l.id);

    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(e2e.server.url);
    // First launch: the three welcome screens can be skipped.
    await page.getByTestId('welcome').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('welcome-skip').click();
    await expect.poll(() => page.getByTestId('welcome').count()).toBe(0);
    await waitOfflineReady(page);
    // Minor 23: home says so on its first screen, in words.
    await expect.poll(() => page.getByTestId('offline-ready').textContent()).toBe('✓ Đã sẵn sàng: học được cả khi không có mạng.');
    expect(await inViewport(page, 'offline-ready')).toBe(true);

    // A name kept on this phone only (no consent to share it with the ward).
    await page.goto(`${e2e.server.url}/me`);
    await page.locator('#profile-name').fill('Bà Tư');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-saved').locator('p').waitFor();

    // The whole course, offline.
    await setPhoneOffline(phone, true);
    await page.reload();
    for (const [i, lessonId] of lessons.entries()) {
      await page.goto(`${e2e.server.url}/courses/public-services`);
      await page.getByTestId(`lesson-${lessonId}`).click();
      await finishLesson(page);
      // Only the lesson that finishes the course says so, naming it.
      expect(await page.getByTestId('course-finished').count(), 'minor 6').toBe(i === lessons.length - 1 ? 1 : 0);
    }
    expect(await page.getByTestId('course-finished').innerText()).toContain(course.title.vi);
    await page.getByTestId('course-finished-certificate').click();
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state')).toBe('waiting');

    // Online again: the lessons sync. A test finishes each lesson in seconds, faster than anyone
    // reads it, so the server holds them (server/integrity) and issues no certificate yet: the
    // phone says the ward is checking, with no code to show.
    await setPhoneOffline(phone, false);
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state'), { timeout: 60_000 }).toBe('under-review');
    expect(await page.getByTestId('certificate-state').textContent()).toContain('phường, xã đang xem lại');
    expect(await page.getByTestId('certificate-code').count()).toBe(0);
    // An officer accepts the held lessons; the next visit to the page gets the code.
    const office = await adminCookie(e2e.server);
    const learnerId = await activeLearnerId(page);
    const review = await fetch(`${e2e.server.url}/api/v1/integrity/learners/${learnerId}/review`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie: office }, body: JSON.stringify({ decision: 'accepted' }) });
    expect(review.status).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('certificate').getAttribute('data-state'), { timeout: 60_000 }).toBe('confirmed');
    const code = (await page.getByTestId('certificate-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // The issuing ward comes from the ward profile, not the app's name.
    expect(await page.getByTestId('certificate-ward').textContent()).toContain('Phường Kiến An');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // M-7: the name stayed on the phone, so the certificate says what its check page says.
    expect(await page.getByTestId('certificate-holder').textContent()).toContain('Không chia sẻ tên');
    expect(await page.getByTestId('certificate').textContent()).not.toContain('Bà Tư');
    expect(await page.getByTestId('certificate-basis').textContent()).toContain('Tự học trên điện thoại');

    // The public page confirms it, with no app code and nothing personal.
    const verify = await e2e.browser.newPage();
    const res = await verify.goto(`${e2e.server.url}/verify/${code}`);
    expect(res?.status()).toBe(200);
    const text = await verify.locator('main').innerText();
    expect(text).toContain('Chứng nhận hợp lệ');
    expect(text).toContain(course.title.vi);
    expect(text).toContain('Không chia sẻ tên');
    expect(text).not.toContain('Bà Tư');
    expect(text).toContain('Tự học trên điện thoại');
    expect(await verify.locator('script').count()).toBe(0);
    const forged = await verify.goto(`${e2e.server.url}/verify/${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`);
    expect(forged?.status()).toBe(404);
    await verify.close();

    // Move to a second phone with a transfer code.
    await page.goto(`${e2e.server.url}/me/move`);
    await page.getByTestId('make-recovery-code').click();
    const transfer = (await page.getByTestId('recovery-code').textContent())!.trim();
    expect(transfer).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // The code stays on one line on a 360 px phone.
    const codeBox = await page.getByTestId('recovery-code').evaluate((el) => ({ lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)), overflow: el.scrollWidth > el.clientWidth }));
    expect(codeBox, 'minor 8').toEqual({ lines: 1, overflow: false });

    const second = await e2e.browser.newContext(PHONE);
    const page2 = await second.newPage();
    await page2.goto(`${e2e.server.url}/recover`);
    await page2.getByTestId('recover-code').fill(transfer.toLowerCase());
    await page2.getByTestId('recover-submit').click();
    // The new phone says the move is done and stays until the resident goes on.
    await page2.getByTestId('recover-done').waitFor();
    await page2.waitForTimeout(1500);
    expect(page2.url()).toBe(`${e2e.server.url}/recover`);
    expect(await page2.getByTestId('recover-done').innerText(), 'minor 8').toContain('Xong!');
    await page2.getByTestId('recover-continue').click();
    await page2.waitForURL(`${e2e.server.url}/`);
    await page2.goto(`${e2e.server.url}/courses/public-services`);
    for (const lessonId of lessons) {
      await expect.poll(() => page2.getByTestId(`lesson-${lessonId}`).getAttribute('data-status'), { timeout: 10_000 }).toBe('completed');
    }

    // The same code does not work twice.
    const third = await e2e.browser.newContext(PHONE);
    const page3 = await third.newPage();
    await page3.goto(`${e2e.server.url}/recover#${transfer.replace(/-/g, '')}`);
    await page3.getByTestId('recover-submit').click();
    await expect.poll(() => page3.getByTestId('recover-error').textContent()).toContain('đã được dùng');

    await Promise.all([phone.close(), second.close(), third.close()]);
  });
});
