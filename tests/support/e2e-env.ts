// The set-up every browser test file shares: its own real server process (a
// fresh DATA_DIR, so files never see each other's data) and one Chromium,
// started before the file's tests and stopped after them. Skipped, like the
// tests, where Chromium is missing outside CI.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { hasChromium, launchChromium } from './browser.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { storeRows } from './server-database.ts';

export interface E2eEnv {
  server: RunningServer;
  browser: Browser;
}

export function useServerAndBrowser(options: Parameters<typeof startServer>[0] = {}, browserArgs: readonly string[] = []): E2eEnv {
  const env = {} as E2eEnv;
  beforeAll(async () => {
    if (!hasChromium) return;
    env.server = await startServer(options);
    env.browser = await launchChromium(browserArgs);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Rows straight from the server's database (SQLite file or PostgreSQL), as the ward office would see them: portable SQL only. */
export function dbRows<T>(server: RunningServer, query: Parameters<typeof storeRows>[1]): Promise<T[]> {
  return storeRows<T>(server, query);
}
