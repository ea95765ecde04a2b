// The OpenAPI document as the app serves it passes a real linter: Redocly's
// recommended rules (operationIds for generated clients, security on every
// operation, servers, 4xx answers, no unused schemas …), with no error and
// no warning.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from './helpers.ts';

const REDOCLY = join(process.cwd(), 'node_modules', '.bin', 'redocly');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

let t: TestApp;
let dir: string;
beforeAll(() => {
  t = setupTestApp();
  dir = mkdtempSync(join(tmpdir(), 'hvs-openapi-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the OpenAPI document under redocly lint (recommended rules)', () => {
  it('has no errors and no warnings', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, await (await t.request('/api/openapi.json')).text());
    // The linter exits non-zero on errors; its JSON report on stdout says what they are either way.
    const run = await promisify(execFile)(REDOCLY, ['lint', '--extends=recommended', '--format=json', file], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    let report: { totals: { errors: number; warnings: number }; problems: Problem[] };
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`redocly gave no JSON report:\n${run.stdout}\n${run.stderr}`);
    }
    const listed = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location.map((l) => l.pointer).join(', ')}: ${p.message}`);
    expect(listed).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
