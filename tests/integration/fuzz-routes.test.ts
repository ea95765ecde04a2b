// Bad input on every API route (issue #7): generated malformed JSON, wrong
// types in every field, huge strings, deep nesting, the Unicode of Vietnamese
// names, wrong content types, bad path parameters and query strings, bad
// credentials and oversized bodies (also chunked, through a real HTTP
// server). Every answer is a 4xx JSON error or a schema-valid success, never
// a 5xx or a hang; a refused request writes nothing; the server stays up.
// This is the small run; `npm run bench -- fuzz` runs ≥ 10,000 inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildWorld, type World } from '../support/fuzz-world.ts';
import { fuzzOverHttp } from '../support/fuzz-http.ts';
import { answerProblem, formatFailures, fuzzRoutes } from '../support/fuzz-runner.ts';
import { inventoryGaps, ROUTES } from '../support/route-inventory.ts';
import { forkWorld } from '../support/fuzz-world.ts';
import { runSyncClasses } from '../support/sync-classes.ts';

/** FUZZ_SEED=<n> replays a run; the default keeps `npm test` deterministic. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_620);
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 1_200);

let world: World;
let file: string;
let dir: string;
beforeAll(async () => {
  ({ world, file, dir } = await buildWorld());
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzzing every API route', () => {
  it('knows every route the app serves (a new route needs a row in tests/support/route-inventory.ts)', async () => {
    const f = forkWorld(file);
    try {
      const { missing, stale } = inventoryGaps(f.app);
      expect(missing, `routes without fuzz/rights coverage: ${missing.join(', ')}`).toEqual([]);
      expect(stale, `inventory rows for routes the app no longer serves: ${stale.join(', ')}`).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it('the checks bite: a 500, a non-JSON 4xx, a write on refusal and a wrong success are each reported', async () => {
    const spec = ROUTES.find((r) => r.key === 'GET /api/v1/health')!;
    const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    expect(await answerProblem(spec, json({ error: { code: 'internal', message: 'x' } }, 500), 0, false)).toMatch(/^500/);
    expect(await answerProblem(spec, new Response('Bad Request', { status: 400 }), 0, false)).toMatch(/not JSON/);
    expect(await answerProblem(spec, json({ error: { code: 'invalid_request', message: 'x' } }, 400), 1, false)).toMatch(/wrote 1 row/);
    expect(await answerProblem(spec, json({ status: 'fine' }, 200), 0, false)).toMatch(/success schema/);
    expect(await answerProblem(spec, json({ status: 'ok', version: '1' }, 200), 0, false)).toBeNull();
  });

  it('sync input classes the field probe found stay fixed: far-past clocks, joins of codes not synced yet, ids stored for another recorder', async () => {
    const f = forkWorld(file, { liftLimits: true });
    try {
      const { tried, problems } = await runSyncClasses(f, world, SEED, 160);
      expect(problems, `seed ${SEED}`).toEqual([]);
      for (const kind of ['far-past', 'pending-join', 'id-conflict']) expect(tried[kind] ?? 0, kind).toBeGreaterThan(10);
    } finally {
      await f.close();
    }
  }, 120_000);

  it(`${INPUTS} generated inputs, each sent with a permitted role's credentials and without: no 5xx, no hang, refusals write nothing`, async () => {
    const stats = await fuzzRoutes({ file, world, inputs: INPUTS, seed: SEED });
    expect(stats.failures, `seed ${SEED}:\n${formatFailures(stats.failures)}`).toEqual([]);
    expect(stats.inputs).toBeGreaterThanOrEqual(INPUTS);
    expect(stats.status5xx + stats.hangs + stats.writesOnRefusal + stats.otherStatus).toBe(0);
    // The inputs reached past the door: successes, and each kind of refusal.
    expect(stats.status2xx).toBeGreaterThan(INPUTS / 20);
    for (const code of ['invalid_json', 'invalid_request', 'unsupported_media_type', 'payload_too_large', 'unauthorized', 'forbidden', 'csrf', 'not_found']) {
      expect(stats.errorCodes[code] ?? 0, `error code ${code} never seen: ${JSON.stringify(stats.errorCodes)}`).toBeGreaterThan(0);
    }
  }, 600_000);

  it('over-limit bodies through a real HTTP server, with Content-Length or chunked without it: 413 JSON, nothing written, server up', async () => {
    const stats = await fuzzOverHttp({ file, world, cases: 40, seed: SEED });
    expect(stats.failures, formatFailures(stats.failures)).toEqual([]);
    expect(stats.errorCodes.payload_too_large ?? 0).toBeGreaterThan(10);
  }, 300_000);
});
