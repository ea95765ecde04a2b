// The JavaScript a phone fetches on a first visit, measured in Chromium
// against the real server and the production build in dist/ (build it first
// with `npx vite build`): which scripts the page asked for before `load`, and
// before the app's first render had finished, each counted at its gzip size
// (the encoding every phone accepts; Brotli copies are smaller). Home has a budget: what a resident
// downloads before anything else can happen on a slow connection. A lesson's
// figure is printed for comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, PHONE } from '../../support/browser.ts';
import { PROJECT_ROOT, startServer } from '../../support/server-process.ts';
import { firstLessonPath } from './lighthouse.ts';
import type { BenchSection } from './types.ts';

const HOME_BUDGET_KB = 40;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** gzip -9 size of a built file, by its URL path. */
const gzipBytes = (path: string) => gzipSync(readFileSync(join(PROJECT_ROOT, 'dist', path)), { level: 9 }).length;

export const firstLoadSection: BenchSection = {
  name: 'first-load',
  title: 'JavaScript a first visit fetches, before the load event and until the app has rendered (Chromium, gzip)',
  async run() {
    const server = await startServer();
    const browser = await launchChromium();
    const missed: string[] = [];
    try {
      for (const [page, path] of [['home', '/'], ['lesson', firstLessonPath()]] as const) {
        const context = await browser.newContext(PHONE);
        const tab = await context.newPage();
        await tab.goto(server.url + path, { waitUntil: 'load' });
        // The app's first render is a user timing (web/src/app/main.tsx).
        await tab.waitForFunction(() => performance.getEntriesByName('hvs:first-render').length > 0);
        const { beforeLoad, beforeLive } = await tab.evaluate(() => {
          const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart;
          const render = performance.getEntriesByName('hvs:first-render')[0];
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => new URL(r.name).pathname.endsWith('.js'));
          const live = render.startTime + render.duration;
          return {
            beforeLoad: scripts.filter((r) => r.startTime < load).map((r) => new URL(r.name).pathname),
            beforeLive: scripts.filter((r) => r.startTime < live).map((r) => new URL(r.name).pathname),
          };
        });
        await context.close();
        // Home's entry starts after its HTML has painted (tools/first-screen; the starter is in
        // the page), so "before load" can be empty: what the screen needs to answer a tap is counted too.
        for (const [what, scripts] of [['before load', beforeLoad], ['until the app has rendered', beforeLive]] as const) {
          const sizes = scripts.map((p) => ({ p, gz: gzipBytes(p) }));
          const total = sizes.reduce((n, s) => n + s.gz, 0);
          console.log(`${page} (${path}), ${what}: ${sizes.length} scripts, ${kb(total)} gzip`);
          for (const s of sizes) console.log(`  ${s.p} ${kb(s.gz)}`);
          if (page === 'home' && total > HOME_BUDGET_KB * 1024) missed.push(`home: ${kb(total)} of JavaScript ${what} > ${HOME_BUDGET_KB} KB`);
        }
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    return missed;
  },
};
