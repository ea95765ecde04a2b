// A session made without signal (the walk-through's blocker, B-1 of the
// December UX review, and M-1 for a resident with signal): the guide
// creates it offline; a resident with signal types the code before the
// guide's phone has sent it. A misheard letter is told at once, never taken
// for a real session; the right code is kept as a check-in the server does
// not know yet — the resident is told so, not that the code is wrong — and
// counts for the session once the guide's phone syncs.
import { describe, expect, it } from 'vitest';
import { SESSION_CODE_ALPHABET } from '../../shared/guide/constants.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { createGuideAccount, createSessionOnPhone, guidePhoneOffline } from '../support/guide-driver.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();

/** The code with one letter replaced by its neighbour in the alphabet, as a misheard letter would. */
const misheard = (code: string, at: number) => {
  const next = SESSION_CODE_ALPHABET[(SESSION_CODE_ALPHABET.indexOf(code[at]) + 1) % SESSION_CODE_ALPHABET.length];
  return code.slice(0, at) + next + code.slice(at + 1);
};

describe.skipIf(!hasChromium)('joining a session the guide has not synced yet', () => {
  it('tells a misheard code apart, keeps the right one as pending, and counts it once the guide syncs', async () => {
    const password = await createGuideAccount(e2e.server);
    const { ctx: guideCtx, guide } = await guidePhoneOffline(e2e.browser, e2e.server, password);
    const code = await createSessionOnPhone(guide, { title: 'An toàn trên mạng', place: 'Nhà văn hóa tổ 1', course: 'cyber-safety' });
    expect(await dbRows(e2e.server, 'SELECT id FROM guide_sessions')).toHaveLength(0);

    const residentCtx = await e2e.browser.newContext(PHONE);
    const resident = await residentCtx.newPage();
    await resident.goto(`${e2e.server.url}/join`);
    for (const wrong of [misheard(code, 2), 'AAAAAAAA']) {
      await resident.getByTestId('join-code').fill(wrong);
      await resident.getByTestId('join-submit').click();
      await expect.poll(() => resident.getByTestId('join-problem').textContent()).toContain('nhầm một ký tự');
    }
    await resident.getByTestId('join-code').fill(code);
    await resident.getByTestId('join-submit').click();
    await expect.poll(() => resident.getByTestId('join-result').getAttribute('data-kind')).toBe('pending');
    expect(await resident.getByTestId('join-result').textContent()).toContain('chưa có trên máy chủ');
    // The check-in reaches the server and waits there for its session.
    await expect.poll(async () => (await dbRows(e2e.server, 'SELECT learner_id FROM session_checkins')).length, { timeout: 30_000 }).toBe(1);
    expect(await dbRows(e2e.server, "SELECT id FROM events WHERE type = 'session.joined'")).toHaveLength(1);

    // The guide gets signal back: the session arrives and the resident is on its roster.
    await setPhoneOffline(guideCtx, false);
    await guide.getByTestId('guide-sync-now').click();
    await expect.poll(() => guide.getByTestId('guide-pending').textContent(), { timeout: 15_000 }).toContain('0');
    await guide.getByTestId('roster-refresh').click();
    await expect.poll(() => guide.getByTestId('total-attendees').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await guide.getByTestId('attendee-self').count()).toBe(1);

    await guideCtx.close();
    await residentCtx.close();
  }, 120_000);
});
