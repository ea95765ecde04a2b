// The resident's rights, on phone-sized Chromium in Vietnamese, checked on
// both sides: the phone's IndexedDB and the ward server's database.
// (a) Consent gates personal data: a profile saved without consent never
//     reaches the server; after consent it arrives, once.
// (b) Data rights: see what the server holds, download it, delete it — also
//     when the deletion is asked offline and delivered later.
// (c) Family profiles on one phone: a PIN guards switching, and each
//     profile's progress stays its own and syncs under its own identity.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import {
  activeLearnerId,
  finishLesson,
  learnerRowCounts,
  openPhone,
  phoneContext,
  phoneRows,
  rowsMentioning,
  serverEvents,
  serverProfile,
} from '../support/resident-driver.ts';
import { storeRows } from '../support/server-database.ts';
import { setPhoneOffline } from '../support/network.ts';

let server: RunningServer;
let browser: Browser;
let lessons: string[];
const COURSE = 'resolution-57';

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer();
  browser = await launchChromium();
  const index = await (await fetch(`${server.url}/content/index.json`)).json();
  lessons = index.courses.find((c: { id: string }) => c.id === COURSE).lessons.map((l: { id: string }) => l.id);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LONG = { timeout: 60_000 };

async function learn(page: Page, lessonId: string) {
  await page.goto(`${server.url}/courses/${COURSE}/lessons/${lessonId}`);
  await finishLesson(page);
}
const completedOnServer = async (learnerId: string) => (await serverEvents(server, learnerId)).filter((e) => e.type === 'lesson.completed').map((e) => e.lessonId);
const countOfType = async (learnerId: string, type: string) => (await serverEvents(server, learnerId)).filter((e) => e.type === type).length;
const profileRow = (learnerId: string) => serverProfile(server, learnerId);

async function fillProfile(page: Page, name: string) {
  await page.goto(`${server.url}/me`);
  await page.getByLabel('Tên hiển thị (ví dụ: tên gọi của bạn)').fill(name);
  await page.getByLabel('Năm sinh').fill('1951');
  await page.getByLabel('Nữ').check();
}

describe.skipIf(!hasChromium)('resident data rights', () => {
  it('(a) sends nothing personal without consent, and the profile once after consent', { timeout: 300_000 }, async () => {
    const phone = await browser.newContext(phoneContext);
    const page = await openPhone(phone, server.url);
    const me = await activeLearnerId(page);
    await learn(page, lessons[0]);
    await expect.poll(() => completedOnServer(me), LONG).toEqual([lessons[0]]);

    const name = 'Bà Tư Gác Cổng';
    await fillProfile(page, name);
    await expect.poll(() => page.getByTestId('local-only-hint').isVisible()).toBe(true);
    await page.getByTestId('profile-save').click();
    await expect.poll(() => page.getByTestId('profile-saved').textContent()).toContain('Chưa gửi đi vì bạn chưa đồng ý');
    // Kept on the phone…
    const local = (await phoneRows<{ learnerId: string; details: { displayName: string } }>(page, 'profiles')).find((p) => p.learnerId === me);
    expect(local?.details.displayName).toBe(name);

    // …and not sent: a later lesson reaches the server (the outbox drains in order), the profile never does.
    await learn(page, lessons[1]);
    await expect.poll(() => completedOnServer(me), LONG).toEqual([lessons[0], lessons[1]]);
    expect(await profileRow(me)).toBeUndefined();
    expect((await countOfType(me, 'profile.updated')) + (await countOfType(me, 'consent.given'))).toBe(0);
    expect(await rowsMentioning(server, name)).toEqual([]);
    expect(await storeRows(server, 'SELECT COUNT(*) AS n FROM learner_profiles WHERE birth_year = 1951')).toEqual([{ n: 0 }]);

    // Consent: the details saved before are still in the form, and now they arrive.
    await page.goto(`${server.url}/me`);
    await expect.poll(() => page.getByLabel('Tên hiển thị (ví dụ: tên gọi của bạn)').inputValue()).toBe(name);
    await page.getByTestId('consent-check').check();
    await page.getByTestId('consent-give').click();
    await expect.poll(() => page.getByTestId('profile-saved').textContent()).toContain('Sẽ gửi lên phường');
    await expect.poll(() => profileRow(me), LONG).toEqual({ displayName: name, birthYear: 1951, gender: 'female', consentVersion: 1 });

    // Once: more syncs (a reload, another lesson) add no second copy.
    await page.goto(server.url);
    await learn(page, lessons[2]);
    await expect.poll(() => completedOnServer(me), LONG).toHaveLength(3);
    expect(await countOfType(me, 'consent.given')).toBe(1);
    expect(await countOfType(me, 'profile.updated')).toBe(1);
    await phone.close();
  });

  it('(b) shows and downloads what the server holds, and deletes it — online, and when asked offline', { timeout: 300_000 }, async () => {
    const phone = await browser.newContext(phoneContext);
    const page = await openPhone(phone, server.url);
    const me = await activeLearnerId(page);
    await learn(page, lessons[0]);
    const name = 'Ông Ba Xóa Được';
    await fillProfile(page, name);
    await page.getByTestId('consent-check').check();
    await page.getByTestId('consent-give').click();
    await expect.poll(async () => (await profileRow(me))?.displayName, LONG).toBe(name);
    await expect.poll(() => completedOnServer(me), LONG).toEqual([lessons[0]]);

    // See it.
    await page.goto(`${server.url}/me/data`);
    await page.getByTestId('load-my-data').click();
    const shown = page.getByTestId('my-data');
    await expect.poll(() => shown.textContent()).toContain(me);
    expect(await shown.textContent()).toContain(name);
    expect(await shown.innerText()).toMatch(/\d+ bản ghi học tập/);

    // Download it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-my-data').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.learner.id).toBe(me);
    expect(file.profile).toMatchObject({ displayName: name, birthYear: 1951, gender: 'female' });
    expect(file.consent).toMatchObject({ noticeVersion: 1 });
    expect(file.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['lesson.completed', 'consent.given', 'profile.updated']));

    // Delete it: nothing on the server names the learner, and the phone forgets the profile.
    const before = await learnerRowCounts(server, me);
    expect(before.learners).toBe(1);
    expect(before.events).toBeGreaterThan(0);
    await page.getByTestId('delete-confirm').check();
    await page.getByTestId('delete-me').click();
    await page.getByTestId('deleted').waitFor();
    // Minor 9: what the server held is no longer shown, and the page says when the ward has confirmed.
    expect(await page.getByTestId('my-data').count()).toBe(0);
    await expect.poll(() => page.getByTestId('deleted').getAttribute('data-confirmed'), LONG).toBe('true');
    expect(await page.getByTestId('deleted').innerText()).toContain('đã xác nhận xóa');
    await expect.poll(async () => Object.values(await learnerRowCounts(server, me)).every((n) => n === 0), LONG).toBe(true);
    expect(Object.keys(await learnerRowCounts(server, me))).toEqual(expect.arrayContaining(['events', 'learner_profiles', 'certificates', 'learners']));
    expect(await rowsMentioning(server, me)).toEqual([]);
    expect(await rowsMentioning(server, name)).toEqual([]);
    await expect.poll(async () => (await phoneRows<{ learnerId: string }>(page, 'profiles')).some((p) => p.learnerId === me), LONG).toBe(false);
    expect((await phoneRows<{ learnerId: string }>(page, 'progress')).filter((r) => r.learnerId === me)).toEqual([]);
    expect(await activeLearnerId(page)).not.toBe(me);

    // Asked offline: the phone forgets at once, the server when the phone is back online.
    const other = await browser.newContext(phoneContext);
    const page2 = await openPhone(other, server.url);
    const them = await activeLearnerId(page2);
    await learn(page2, lessons[0]);
    await expect.poll(() => completedOnServer(them), LONG).toEqual([lessons[0]]);
    await setPhoneOffline(other, true);
    await page2.goto(`${server.url}/me/data`);
    await page2.getByTestId('delete-confirm').check();
    await page2.getByTestId('delete-me').click();
    await page2.getByTestId('deleted').waitFor();
    expect(await page2.getByTestId('deleted').innerText()).toContain('khi có mạng');
    expect(await page2.getByTestId('deleted').getAttribute('data-confirmed')).toBe('false');
    const waiting = (await phoneRows<{ learnerId: string; isDeleting: boolean; details: Record<string, unknown> }>(page2, 'profiles')).find((p) => p.learnerId === them);
    expect(waiting?.isDeleting).toBe(true);
    expect(Object.values(waiting!.details).every((v) => v === null)).toBe(true);
    expect((await phoneRows<{ learnerId: string }>(page2, 'progress')).filter((r) => r.learnerId === them)).toEqual([]);
    await page2.waitForTimeout(1500);
    expect((await learnerRowCounts(server, them)).learners).toBe(1);

    await setPhoneOffline(other, false);
    await expect.poll(() => rowsMentioning(server, them), LONG).toEqual([]);
    await expect.poll(() => page2.getByTestId('deleted').getAttribute('data-confirmed'), LONG).toBe('true');
    await expect.poll(async () => (await phoneRows<{ learnerId: string }>(page2, 'profiles')).some((p) => p.learnerId === them), LONG).toBe(false);
    expect((await phoneRows<{ learnerId: string }>(page2, 'outbox')).filter((r) => r.learnerId === them)).toEqual([]);
    await Promise.all([phone.close(), other.close()]);
  });

  it('(c) keeps family members apart: PIN on switching, own progress, own identity on the server', { timeout: 300_000 }, async () => {
    const phone = await browser.newContext(phoneContext);
    const page = await openPhone(phone, server.url);
    const first = await activeLearnerId(page);
    await learn(page, lessons[0]);

    // M-8: a second family member, with a PIN. Adding asks for a name before anything changes.
    await page.goto(`${server.url}/profiles`);
    await page.getByTestId('add-profile').click();
    await page.getByTestId('add-profile-name').waitFor();
    expect(await activeLearnerId(page)).toBe(first);
    await page.getByTestId('add-profile-name').fill('Bà Tư');
    await page.getByTestId('add-profile-save').click();
    await page.waitForURL(`${server.url}/`);
    const second = await activeLearnerId(page);
    expect(second).not.toBe(first);
    // M-8: home and the lesson screen say who is learning now.
    await expect.poll(() => page.getByTestId('learner-name').textContent()).toBe('Bà Tư');
    await page.goto(`${server.url}/courses/${COURSE}/lessons/${lessons[1]}`);
    await expect.poll(() => page.getByTestId('learner-now').textContent()).toContain('Đang học: Bà Tư');
    // So do the screens where a session is joined and a self-check result is kept.
    for (const screen of ['/join', '/self-check']) {
      await page.goto(`${server.url}${screen}`);
      await expect.poll(() => page.getByTestId('learner-now').textContent(), { message: screen }).toContain('Đang học: Bà Tư');
    }
    await page.goto(`${server.url}/profiles`);
    await page.getByTestId('pin-new').fill('4826');
    await page.getByTestId('pin-set').click();
    await expect.poll(() => page.getByTestId('pin-message').textContent()).toContain('Đã đặt mã PIN');
    await expect.poll(() => page.getByTestId('pin-state').textContent()).toBe('Hồ sơ này đã có mã PIN.');
    await learn(page, lessons[1]);

    const statuses = async () => {
      await page.goto(`${server.url}/courses/${COURSE}`);
      await page.getByTestId(`lesson-${lessons[0]}`).waitFor();
      await expect.poll(() => page.getByTestId(`lesson-${lessons[1]}`).getAttribute('data-status')).not.toBe('none');
      return [await page.getByTestId(`lesson-${lessons[0]}`).getAttribute('data-status'), await page.getByTestId(`lesson-${lessons[1]}`).getAttribute('data-status')];
    };
    expect(await statuses()).toEqual(['none', 'completed']);

    // Back to the first member (no PIN): straight in, with their own progress.
    await page.goto(`${server.url}/profiles`);
    await page.getByTestId('profile-item').filter({ hasText: 'Người học 1' }).getByTestId('profile-switch').click();
    await page.waitForURL(`${server.url}/`);
    expect(await activeLearnerId(page)).toBe(first);
    await expect.poll(() => page.getByTestId('learner-name').textContent()).toBe('Người học 1');
    await page.goto(`${server.url}/courses/${COURSE}`);
    await expect.poll(() => page.getByTestId(`lesson-${lessons[0]}`).getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId(`lesson-${lessons[1]}`).getAttribute('data-status')).toBe('none');

    // To the second member: the PIN is asked; a wrong one is refused, the right one opens.
    await page.goto(`${server.url}/profiles`);
    const item = page.getByTestId('profile-item').filter({ hasText: 'Bà Tư' });
    await item.getByTestId('profile-switch').click();
    await item.getByTestId('pin-input').fill('1111');
    await item.getByTestId('pin-open').click();
    await expect.poll(() => item.getByTestId('pin-error').textContent()).toBe('Mã PIN chưa đúng.');
    expect(await activeLearnerId(page)).toBe(first);
    await item.getByTestId('pin-input').fill('4826');
    await item.getByTestId('pin-open').click();
    await page.waitForURL(`${server.url}/`);
    expect(await activeLearnerId(page)).toBe(second);
    expect(await statuses()).toEqual(['none', 'completed']);

    // On the server: two learners, each with only their own lesson.
    await expect.poll(() => Promise.all([completedOnServer(first), completedOnServer(second)]), LONG).toEqual([[lessons[0]], [lessons[1]]]);
    await phone.close();
  });
});
