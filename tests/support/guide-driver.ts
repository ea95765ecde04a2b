// Guide-mode steps shared by the browser tests: the admin creates a guide
// account through the staff API, and the guide logs in once online and then
// loses signal, as on a visit to a cultural house.
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminPasswordFrom, type RunningServer } from './server-process.ts';
import { PHONE } from './browser.ts';
import { waitOfflineReady } from './offline-ready.ts';
import { setPhoneOffline } from './network.ts';

/** Creates guide "lan" (team cns, group tdp-1); returns the one-time password. */
export async function createGuideAccount(server: RunningServer): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: server.url };
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: adminPasswordFrom(server.output()) }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${server.url}/api/v1/staff`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ username: 'lan', displayName: 'Chị Lan', role: 'guide', team: 'cns', groups: ['tdp-1'] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { password: string }).password;
}

/** A guide phone logged in online, service worker ready, then offline. */
export async function guidePhoneOffline(browser: Browser, server: RunningServer, password: string): Promise<{ ctx: BrowserContext; guide: Page }> {
  const ctx = await browser.newContext(PHONE);
  const guide = await ctx.newPage();
  await guide.goto(`${server.url}/guide`);
  await guide.getByLabel('Tên đăng nhập').fill('lan');
  await guide.getByLabel('Mật khẩu').fill(password);
  await guide.getByTestId('guide-login').click();
  await guide.getByTestId('guide-new-session').waitFor();
  await waitOfflineReady(guide);
  await setPhoneOffline(ctx, true);
  return { ctx, guide };
}

/** Guide mode's "new session" form, as a guide fills it in (offline or not); returns the session's code. */
export async function createSessionOnPhone(guide: Page, s: { title: string; place: string; course: string }): Promise<string> {
  await guide.getByTestId('guide-new-session').click();
  await guide.getByLabel('Tên buổi học').fill(s.title);
  await guide.getByLabel('Địa điểm').fill(s.place);
  await guide.locator(`input[name="course"][value="${s.course}"]`).check();
  await guide.getByTestId('guide-create-session').click();
  return (await guide.getByTestId('session-code').getAttribute('data-code'))!;
}
