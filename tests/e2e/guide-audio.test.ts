// Guide-recorded lesson audio end to end, in Chromium with a fake microphone:
// a guide in a cultural house without signal records a lesson screen in their
// own voice, listens back and keeps it; with the signal back the file and then
// its record reach the server once; the Culture-Social Office (a reviewer)
// approves it on its page; a resident downloads the course's audio with a
// progress bar, loses signal, and the screen's read-aloud plays the recording;
// once the office withdraws it, the phone drops it the next time it has signal.
import { describe, expect, it } from 'vitest';
import { FAKE_MICROPHONE_ARGS, hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { createGuideAccount, guidePhoneOffline } from '../support/guide-driver.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { adminCookie, createStaff } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser({}, FAKE_MICROPHONE_ARGS);
const COURSE = 'cyber-safety';

describe.skipIf(!hasChromium)('guide-recorded lesson audio', () => {
  it('is recorded offline, sent once, approved, downloaded with progress and played offline before the phone voice, and dropped from the phone once the office withdraws it', async () => {
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const lessonId: string = index.courses.find((c: { id: string }) => c.id === COURSE).lessons[0].id;
    const guidePassword = await createGuideAccount(e2e.server);
    const reviewerPassword = await createStaff(e2e.server, await adminCookie(e2e.server), { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });

    // ── The guide, logged in once, has no signal in the cultural house.
    const { ctx: guideCtx, guide } = await guidePhoneOffline(e2e.browser, e2e.server, guidePassword);
    await guide.goto(`${e2e.server.url}/guide/audio/${COURSE}/${lessonId}`);
    await guide.getByTestId('next-step').click();
    await expect.poll(() => guide.getByTestId('step-counter').textContent()).toContain('1');
    await guide.getByTestId('audio-record').click();
    await expect.poll(() => guide.getByTestId('audio-clock').textContent(), { timeout: 10_000 }).toMatch(/0:0[2-9]/);
    await guide.getByTestId('audio-stop').click();
    // Listen back, then keep it.
    const listen = guide.getByTestId('audio-listen-back');
    await listen.waitFor();
    expect(await listen.evaluate((a: HTMLAudioElement) => a.src.startsWith('blob:'))).toBe(true);
    expect(await guide.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await guide.getByTestId('audio-keep').click();
    await guide.getByTestId('audio-saved').waitFor();
    await expect.poll(() => guide.getByTestId('guide-pending').textContent()).toContain('1');
    expect(await dbRows(e2e.server, 'SELECT id FROM lesson_audio')).toHaveLength(0);

    // ── Back online: the file, then the record, once.
    await setPhoneOffline(guideCtx, false);
    await guide.getByTestId('guide-sync-now').click();
    await expect.poll(() => guide.getByTestId('guide-pending').textContent(), { timeout: 15_000 }).toContain('0');
    const rows = await dbRows<{ id: string; step: number; lang: string; status: string; type: string; sha256: string }>(e2e.server, 'SELECT id, step, lang, status, type, sha256 FROM lesson_audio');
    expect(rows).toEqual([expect.objectContaining({ step: 1, lang: 'vi', status: 'submitted', type: 'audio/webm' })]);
    expect(await dbRows(e2e.server, `SELECT sha256 FROM stored_files WHERE type = 'audio/webm'`)).toHaveLength(1);
    // Not public before it is approved.
    expect((await fetch(`${e2e.server.url}/api/v1/lesson-audio/files/${rows[0].sha256}`)).status).toBe(404);
    await guideCtx.close();

    // ── The reviewer listens and approves on the office page.
    const office = await e2e.browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    await office.goto(`${e2e.server.url}/ward`);
    await office.getByLabel(/tên đăng nhập/i).fill('vhxh');
    await office.getByLabel(/mật khẩu/i).fill(reviewerPassword);
    await office.getByRole('button', { name: /đăng nhập/i }).click();
    await office.getByTestId('ward-lesson-audio').click();
    const item = office.getByTestId('lesson-audio-item');
    await item.waitFor();
    expect(await item.getByTestId('lesson-audio-player').getAttribute('src')).toBe(`/api/v1/lesson-audio/recordings/${rows[0].id}/audio`);
    await item.getByTestId('lesson-audio-approve').click();
    await expect.poll(async () => (await dbRows<{ status: string }>(e2e.server, 'SELECT status FROM lesson_audio'))[0].status).toBe('approved');
    await office.setViewportSize({ width: 360, height: 740 });
    expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await office.close();

    // ── A resident downloads the course's audio, with its progress in bytes.
    const ctx = await e2e.browser.newContext(PHONE);
    const phone = await ctx.newPage();
    await phone.goto(`${e2e.server.url}/courses/${COURSE}`);
    await waitOfflineReady(phone);
    await phone.getByTestId('course-audio-download').waitFor({ timeout: 15_000 });
    await phone.evaluate(() => {
      const seen: string[] = ((window as unknown as { seenProgress: string[] }).seenProgress = []);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="course-audio-bytes"]')?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await phone.getByTestId('course-audio-download').click();
    await phone.getByTestId('course-audio-stored').waitFor({ timeout: 15_000 });
    const seen = await phone.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatch(/Đã tải [\d.,]+ KB \/ [\d.,]+ KB/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // In the runtime cache, never the service worker's precache.
    expect(await phone.evaluate(async () => (await caches.open('hvs-audio')).keys().then((k) => k.length))).toBe(2);

    // ── Without signal, the screen plays the guide's voice.
    await setPhoneOffline(ctx, true);
    await phone.goto(`${e2e.server.url}/courses/${COURSE}/lessons/${lessonId}`);
    await phone.getByTestId('next-step').click();
    const button = phone.getByTestId('read-aloud');
    await expect.poll(() => button.getAttribute('data-source'), { timeout: 10_000 }).toBe('recording');
    await button.click();
    const audio = phone.getByTestId('read-aloud-recording');
    expect(await audio.evaluate((a: HTMLAudioElement) => a.src.startsWith('blob:'))).toBe(true);
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2);
    // The intro screen has no recording: the phone's voice, as before.
    await phone.getByTestId('prev-step').click();
    expect(await phone.getByTestId('read-aloud-recording').count()).toBe(0);
    // ── The office withdraws the recording: the phone, back online, drops it before it plays again.
    const office2 = await e2e.browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    await office2.goto(`${e2e.server.url}/ward`);
    await office2.getByLabel(/tên đăng nhập/i).fill('vhxh');
    await office2.getByLabel(/mật khẩu/i).fill(reviewerPassword);
    await office2.getByRole('button', { name: /đăng nhập/i }).click();
    await office2.getByTestId('ward-lesson-audio').click();
    await office2.getByTestId('lesson-audio-status').selectOption('approved');
    await office2.getByTestId('lesson-audio-item').getByTestId('lesson-audio-reject').click();
    await expect.poll(async () => (await dbRows<{ status: string }>(e2e.server, 'SELECT status FROM lesson_audio'))[0].status).toBe('rejected');
    await office2.close();
    await setPhoneOffline(ctx, false);
    await phone.goto(`${e2e.server.url}/courses/${COURSE}/lessons/${lessonId}`);
    await phone.getByTestId('next-step').click();
    const stored = () => phone.evaluate(async () => (await caches.open('hvs-audio')).keys().then((k) => k.map((r) => new URL(r.url).pathname)));
    await expect.poll(stored, { timeout: 10_000 }).toEqual([`/api/v1/lesson-audio/courses/${COURSE}`]);
    // The screen's recording was looked up after the check: none, so no guide's voice to play.
    await expect.poll(() => phone.locator('[data-testid=read-aloud][data-source=recording]').count()).toBe(0);
    expect(await phone.getByTestId('read-aloud-recording').count()).toBe(0);
    await ctx.close();
  }, 180_000);
});
