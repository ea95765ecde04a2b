// A "zip bomb" ward file against the real import route: a worksheet of
// repeated cells that unpacks to BENCH_IMPORT_BOMB_MB (default 400) MB from a
// file of a few hundred KB, posted by an admin. Prints the answer, the time
// the request took, the longest stall of the event loop while it ran, and the
// process's peak memory (sampled every 5 ms) over what it held before.
// Budgets: a 4xx, under a second, under 100 MB more memory.
import { performance } from 'node:perf_hooks';
import { createStaff, login, ORIGIN, setupTestApp } from '../../integration/helpers.ts';
import { craftXlsx } from '../../support/crafted-xlsx.ts';
import { fmt, type BenchSection } from './types.ts';

const MB = 1024 * 1024;

/** One row per MB, each a single cell of 1 MB of text: deflate packs that about 1,000 to 1. */
function* bombRows(unpackedMb: number): Iterable<string> {
  const text = 'A'.repeat(MB);
  for (let r = 1; r <= unpackedMb; r++) yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
}

export const importBombSection: BenchSection = {
  name: 'import-bomb',
  title: 'ward import: an .xlsx that unpacks to hundreds of MB',
  async run() {
    const unpackedMb = Number(process.env.BENCH_IMPORT_BOMB_MB ?? 400);
    const bomb = await craftXlsx(() => bombRows(unpackedMb));
    const t = setupTestApp();
    try {
      await createStaff(t, 'boss', 'admin');
      const cookie = await login(t, 'boss', 'correct horse battery');
      const body = JSON.stringify({ fileName: 'bomb.xlsx', contentBase64: Buffer.from(bomb).toString('base64'), dryRun: true });
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      let longestStall = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - last);
        last = now;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 5);
      const started = performance.now();
      const res = await t.request('/api/v1/ward/import', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: ORIGIN }, body });
      const answer = await res.text();
      const took = performance.now() - started;
      clearInterval(ticker);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      console.log(`file ${fmt(bomb.length / 1024)} KB, unpacks to about ${fmt(unpackedMb)} MB`);
      console.log(`answer ${res.status} ${answer.slice(0, 160)}`);
      console.log(`request ${fmt(took)} ms, longest event-loop stall ${fmt(longestStall)} ms, peak RSS ${fmt(peakRss / MB)} MB, ${fmt((peakRss - rssBefore) / MB)} MB over the ${fmt(rssBefore / MB)} MB before the request`);
      const missed: string[] = [];
      if (res.status < 400 || res.status >= 500) missed.push(`import-bomb: answered ${res.status}, not a 4xx`);
      if (took > 1000) missed.push(`import-bomb: ${fmt(took)} ms > 1,000 ms`);
      if (peakRss - rssBefore > 100 * MB) missed.push(`import-bomb: memory grew ${fmt((peakRss - rssBefore) / MB)} MB > 100 MB`);
      return missed;
    } finally {
      t.close();
    }
  },
};
