// A page is ready for offline use when the service worker holds the shell
// and the app has stored the courses of its language (web/src/sw/register-sw.ts
// marks <html data-offline="ready">). Going offline earlier tests a download
// cut short, not the offline app.
import type { Page } from 'playwright-core';

export async function waitOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', undefined, { timeout: 90_000 });
}
