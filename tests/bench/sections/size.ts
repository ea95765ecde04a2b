// Front-end sizes of the production build in dist/ (build it first with
// `npx vite build`): the same figures and budgets as the size gate in
// `npm test` (tests/size), printed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readBuild } from '../../size/build-graph.ts';
import { BUDGETS, budgetsMissed, chunkName, kb, measure, PROJECT_DIST } from '../../size/figures.ts';
import type { BenchSection } from './types.ts';

export const sizeSection: BenchSection = {
  name: 'size',
  title: 'front-end bytes: first screen, critical HTML + CSS, precache',
  async run() {
    const build = readBuild(PROJECT_DIST);
    const f = measure(build);
    console.log(`build in dist/ from ${statSync(join(PROJECT_DIST, 'index.html')).mtime.toISOString()}; gzip level 9, 1 KB = 1000 bytes`);
    console.log(`first-screen JS: ${kb(f.firstScreenJs.gzip)} gzip (budget ${kb(BUDGETS.firstScreenJsGzip)}): ${f.firstScreenJs.files.map((file) => `${chunkName(file)} ${kb(build.chunks.get(file)!.gzip)}`).join(', ')}`);
    console.log(`HTML + critical CSS: ${kb(f.htmlCss.gzip)} gzip (budget ${kb(BUDGETS.htmlCssGzip)}): ${f.htmlCss.files.map(chunkName).join(', ')}`);
    console.log(`Dexie on the first screen: ${f.dexieOnFirstScreen ? 'yes' : 'no (a dynamic import the app starts; the course list paints without it)'}`);
    console.log(`all JS a resident's phone can load: ${f.residentJs.files} chunks, ${kb(f.residentJs.gzip)} gzip`);
    console.log(`precache (shell, course list): ${f.precache.entries} entries, ${kb(f.precache.bytes)}`);
    for (const [lang, bytes] of Object.entries(f.stored)) console.log(`  stored on a phone in ${lang}: ${kb(bytes)} (budget ${kb(BUDGETS.precacheBytes)}; courses in ${lang} ${kb(f.content.byLanguage[lang])}, drawings ${kb(f.content.images)})`);
    console.log(`  guide screens (precached so guide mode works offline): ${f.guideInPrecache.files} chunks, ${kb(f.guideInPrecache.bytes)}`);
    console.log(`staff chunks reachable by a resident: ${f.staffInResidentGraph.length}; office chunks precached: ${f.officeInPrecache.length}; zod chunks on resident pages: ${f.zodInResidentGraph.length}`);
    return budgetsMissed(f);
  },
};
