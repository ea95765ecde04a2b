// The size gate of `npm test` (which runs `vite build` first): the production
// build in dist/ must keep the resident's first screen small, keep staff code
// off residents' phones and keep the service worker's precache bounded. The
// figures and budgets are in figures.ts; `npm run bench -- size` prints them.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_BUILD, readBuild } from './build-graph.ts';
import { BASE_CHUNKS, noise, writeFakeDist } from './fake-dist.ts';
import { BUDGETS, budgetsMissed, chunkName, measure, PROJECT_DIST } from './figures.ts';
import { COMPILE_HINT } from '../../tools/compile-hints/vite-plugin.ts';

describe('the production build in dist/', () => {
  it('meets every front-end budget', () => {
    // No dist/ is a failure, never a skip: readBuild throws "run `npx vite build` first".
    const figures = measure(readBuild(PROJECT_DIST));
    expect(figures.firstScreenJs.files.map(chunkName)).toContain('index');
    expect(figures.homeOnFirstScreen).toBe(true);
    expect(figures.dexieOnFirstScreen).toBe(false);
    expect(budgetsMissed(figures)).toEqual([]);
  });

  it('asks V8 to compile the entry off the main thread (tools/compile-hints)', () => {
    const build = readBuild(PROJECT_DIST);
    const entry = readFileSync(join(PROJECT_DIST, build.entry), 'utf8');
    expect(entry.startsWith(COMPILE_HINT)).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(PROJECT_DIST, `${build.entry}.br`))).toString().startsWith(COMPILE_HINT)).toBe(true);
  });
});

describe('the gate itself', () => {
  const dirs: string[] = [];
  const fake = (...args: Parameters<typeof writeFakeDist>) => {
    const dir = writeFakeDist(...args);
    dirs.push(dir);
    return measure(readBuild(dir));
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('fails with the build command when there is no build', () => {
    expect(() => readBuild('/nonexistent-dist')).toThrow(MISSING_BUILD);
    expect(MISSING_BUILD).toContain('run `npx vite build` first');
  });

  it('counts entry, modulepreloads and the home route, not other routes', () => {
    const f = fake(BASE_CHUNKS);
    expect(f.firstScreenJs.files.map(chunkName).sort()).toEqual(['home-page', 'index', 'solid']);
    expect(f.htmlCss.files).toEqual(['index.html', 'assets/index-FFFFFFFF.css', 'assets/home-page-BBBBBBBB.css']);
    expect(budgetsMissed(f)).toEqual([]);
  });

  it('counts the entry alone when the home route is part of it', () => {
    const { 'home-page-BBBBBBBB.js': _home, ...rest } = BASE_CHUNKS;
    const entry = 'import{a as e}from"./solid-CCCCCCCC.js";var h=e(`home.title`),l=()=>import(`./lesson-page-DDDDDDDD.js`);';
    const precache = ['index.html', 'assets/index-AAAAAAAA.js', 'assets/solid-CCCCCCCC.js', 'assets/lesson-page-DDDDDDDD.js'];
    const f = fake({ ...rest, 'index-AAAAAAAA.js': entry }, precache);
    expect(f.firstScreenJs.files.map(chunkName).sort()).toEqual(['index', 'solid']);
    expect(f.homeOnFirstScreen).toBe(true);
    const grown = fake({ ...rest, 'index-AAAAAAAA.js': entry + noise(BUDGETS.firstScreenJsGzip * 2) }, precache);
    expect(budgetsMissed(grown)).toEqual([expect.stringMatching(/^first-screen JS .* gzip > 40\.0 KB/)]);
  });

  it('fails when the home route grows past the first-screen budget', () => {
    const f = fake({ ...BASE_CHUNKS, 'home-page-BBBBBBBB.js': BASE_CHUNKS['home-page-BBBBBBBB.js'] + noise(BUDGETS.firstScreenJsGzip * 2) });
    expect(budgetsMissed(f)).toEqual([expect.stringMatching(/^first-screen JS .* gzip > 40\.0 KB/)]);
  });

  it('does not count a big chunk that only another route imports', () => {
    const f = fake({ ...BASE_CHUNKS, 'lesson-page-DDDDDDDD.js': noise(BUDGETS.firstScreenJsGzip * 2) });
    expect(budgetsMissed(f)).toEqual([]);
  });

  it('fails when a resident screen imports staff code, statically or on demand', () => {
    const statically = fake({ ...BASE_CHUNKS, 'lesson-page-DDDDDDDD.js': 'import{a}from"./ward-page-EEEEEEEE.js";' });
    expect(budgetsMissed(statically)).toEqual(['staff chunk assets/ward-page-EEEEEEEE.js is reachable from the resident\'s pages']);
    const onDemand = fake({ ...BASE_CHUNKS, 'lesson-page-DDDDDDDD.js': 'var c=()=>import(`./charts-GGGGGGGG.js`);', 'charts-GGGGGGGG.js': 'var t=`dashboard.chart`;' });
    expect(budgetsMissed(onDemand)).toEqual(['staff chunk assets/charts-GGGGGGGG.js is reachable from the resident\'s pages']);
  });

  it('fails when the service worker precaches office code, or zod is on a resident page', () => {
    const precached = fake(BASE_CHUNKS, ['index.html', 'assets/index-AAAAAAAA.js', 'assets/ward-page-EEEEEEEE.js']);
    expect(budgetsMissed(precached)).toEqual(['ward-office chunk assets/ward-page-EEEEEEEE.js is in the service worker\'s precache']);
    const zod = fake({ ...BASE_CHUNKS, 'lesson-page-DDDDDDDD.js': 'var s={};s._zod={def:1};' });
    expect(budgetsMissed(zod)).toEqual([expect.stringMatching(/^zod \(assets\/lesson-page-DDDDDDDD\.js\) is reachable/)]);
  });

  it('fails when the precache grows past its budget', () => {
    const f = fake({ ...BASE_CHUNKS, 'big-HHHHHHHH.js': 'x'.repeat(BUDGETS.precacheBytes) }, ['index.html', 'assets/big-HHHHHHHH.js']);
    expect(budgetsMissed(f)).toEqual([expect.stringMatching(/^precache .* > 1500\.0 KB$/)]);
  });
});
