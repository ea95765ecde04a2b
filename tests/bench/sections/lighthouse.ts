// Lighthouse 12.2.3 (default config: mobile, simulated throttling) in Debian
// Chromium against the real server serving the production build in dist/
// (build it first with `npx vite build`), on the home screen and on a lesson.
// Each page is audited BENCH_LIGHTHOUSE_RUNS times (default 5) from a cold
// start (Lighthouse clears storage and the service worker before each run);
// each figure is the median of its values over the runs (medianOf below). BENCH_LIGHTHOUSE_REPORTS=<folder>
// keeps every report as JSON (open them at googlechrome.github.io/lighthouse/viewer);
// BENCH_LIGHTHOUSE_PAGES=home (or lesson) audits one page only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser.ts';
import { PROJECT_ROOT, startServer } from '../../support/server-process.ts';
import type { BenchSection } from './types.ts';

const BUDGET = { performance: 0.95, accessibility: 1, 'best-practices': 0.95, tbtMs: 100, cls: 0.05 };
/** Largest contentful paint per page: home is the resident's first screen (arrives as HTML, tools/first-screen). */
const LCP_BUDGET_MS: Record<string, number> = { home: 1200, lesson: 2000 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

type Result = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Audits below a perfect score in the categories that have budgets, for fixing. */
  failing: string[];
};

/** The first lesson of the first course, as the course list links it. */
export function firstLessonPath(): string {
  const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist/content/index.json'), 'utf8')) as { courses: { id: string; lessons: { id: string }[] }[] };
  const course = index.courses[0];
  return `/courses/${course.id}/lessons/${course.lessons[0].id}`;
}

async function audit(url: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const runner = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = runner;
    const keep = process.env.BENCH_LIGHTHOUSE_REPORTS;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, `${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}.json`), runner.report as string);
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const failing: string[] = [];
    for (const cat of CATEGORIES) {
      for (const ref of lhr.categories[cat].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${cat}/${a.id} (${a.score})${a.displayValue ? ` ${a.displayValue}` : ''}`);
      }
    }
    return {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score ?? 0])) as Result['scores'],
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      fcpMs: num('first-contentful-paint'),
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

/** Lighthouse sometimes loses the trace of a load (NO_NAVSTART, NO_FCP); that
 * says nothing about the page, so such a run is taken again, twice at most. */
async function auditWithRetry(url: string): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url);
    } catch (error) {
      if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|NO_TRACING_STARTED/.test(String(error))) throw error;
      console.log(`  (${String(error).split('\n')[0]}; running again)`);
    }
  }
}

const line = (r: Result) =>
  `perf ${r.scores.performance.toFixed(2)}, a11y ${r.scores.accessibility.toFixed(2)}, best practices ${r.scores['best-practices'].toFixed(2)}; ` +
  `FCP ${Math.round(r.fcpMs)} ms, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)}`;

function missedBy(page: string, r: Result): string[] {
  const missed: string[] = [];
  if (r.scores.performance < BUDGET.performance) missed.push(`${page}: performance ${r.scores.performance} < ${BUDGET.performance}`);
  if (r.scores.accessibility < BUDGET.accessibility) missed.push(`${page}: accessibility ${r.scores.accessibility} < ${BUDGET.accessibility}`);
  if (r.scores['best-practices'] < BUDGET['best-practices']) missed.push(`${page}: best practices ${r.scores['best-practices']} < ${BUDGET['best-practices']}`);
  if (r.lcpMs > LCP_BUDGET_MS[page]) missed.push(`${page}: LCP ${Math.round(r.lcpMs)} ms > ${LCP_BUDGET_MS[page]} ms`);
  if (r.tbtMs > BUDGET.tbtMs) missed.push(`${page}: TBT ${Math.round(r.tbtMs)} ms > ${BUDGET.tbtMs} ms`);
  if (r.cls > BUDGET.cls) missed.push(`${page}: CLS ${r.cls.toFixed(3)} > ${BUDGET.cls}`);
  return missed;
}

const mid = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
};

/**
 * Each score and metric is the median of its own values over the runs, as
 * Lighthouse CI's `aggregationMethod: 'median'` does: one run's TBT swings by
 * ±50 % between identical loads, and a "median run" chosen by its score
 * carries its other figures with it whatever they are. The failing audits
 * listed are those of the run with the median performance score.
 */
function medianOf(results: Result[]): Result {
  const byScore = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, mid(results.map((r) => r.scores[c]))])) as Result['scores'],
    lcpMs: mid(results.map((r) => r.lcpMs)),
    tbtMs: mid(results.map((r) => r.tbtMs)),
    cls: mid(results.map((r) => r.cls)),
    fcpMs: mid(results.map((r) => r.fcpMs)),
    failing: byScore[Math.floor(byScore.length / 2)].failing,
  };
}

export const lighthouseSection: BenchSection = {
  name: 'lighthouse',
  title: 'Lighthouse 12.2.3 (mobile, simulated throttling) on home and a lesson',
  async run() {
    const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
    const server = await startServer();
    const missed: string[] = [];
    try {
      const pages = (process.env.BENCH_LIGHTHOUSE_PAGES ?? 'home,lesson').split(',');
      for (const [page, path] of ([['home', '/'], ['lesson', firstLessonPath()]] as const).filter(([p]) => pages.includes(p))) {
        const results: Result[] = [];
        for (let i = 0; i < runs; i++) results.push(await auditWithRetry(server.url + path));
        const median = medianOf(results);
        console.log(`${page} (${path}), median of ${runs}: ${line(median)}`);
        for (const r of results) console.log(`  run: ${line(r)}`);
        for (const f of median.failing) console.log(`  below 1: ${f}`);
        missed.push(...missedBy(page, median));
      }
    } finally {
      await server.stop();
    }
    return missed;
  },
};
