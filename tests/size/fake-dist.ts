// A tiny hand-made build for the gate's own tests: an entry with a
// modulepreload, a home route, a lesson route and a staff route, in the shape
// Vite writes them, so each rule can be shown to fail.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FakeChunks = Record<string, string>;

/** Random base-36 filler: gzip keeps about two thirds of it. */
export function noise(bytes: number, seed = 1): string {
  let x = seed;
  let s = '';
  while (s.length < bytes) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += ((x >>> 0) % 36).toString(36);
  }
  return `var n="${s}";`;
}

export const BASE_CHUNKS: FakeChunks = {
  'index-AAAAAAAA.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/home-page-BBBBBBBB.js","assets/solid-CCCCCCCC.js","assets/home-page-BBBBBBBB.css","assets/lesson-page-DDDDDDDD.js","assets/ward-page-EEEEEEEE.js"])))=>i.map(i=>d[i]);' +
    'import{a as e}from"./solid-CCCCCCCC.js";var h=()=>Z(()=>import(`./home-page-BBBBBBBB.js`),__vite__mapDeps([0,1,2])),' +
    'l=()=>Z(()=>import(`./lesson-page-DDDDDDDD.js`),__vite__mapDeps([3,1])),w=()=>Z(()=>import(`./ward-page-EEEEEEEE.js`),__vite__mapDeps([4,1]));',
  'solid-CCCCCCCC.js': 'var a=1;export{a};',
  'home-page-BBBBBBBB.js': 'import{a as e}from"./solid-CCCCCCCC.js";var t=e(`home.title`);',
  'lesson-page-DDDDDDDD.js': 'import{a as e}from"./solid-CCCCCCCC.js";var t=e(`lesson.next`);',
  'ward-page-EEEEEEEE.js': 'import{a as e}from"./solid-CCCCCCCC.js";var t=e(`dashboard.title`);',
};

export function writeFakeDist(chunks: FakeChunks, precache: string[] = ['index.html', 'assets/index-AAAAAAAA.js', 'assets/solid-CCCCCCCC.js', 'assets/home-page-BBBBBBBB.js', 'assets/lesson-page-DDDDDDDD.js']): string {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-size-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="vi"><head><title>t</title><script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/solid-CCCCCCCC.js"><link rel="stylesheet" crossorigin href="/assets/index-FFFFFFFF.css"></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets/index-FFFFFFFF.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'assets/home-page-BBBBBBBB.css'), '.home{color:red}');
  for (const [name, code] of Object.entries(chunks)) writeFileSync(join(dir, 'assets', name), code);
  writeFileSync(join(dir, 'sw.js'), `define(["./workbox-x"],function(e){e.precacheAndRoute([${precache.map((u) => `{url:"${u}",revision:null}`).join(',')}],{})});`);
  return dir;
}
