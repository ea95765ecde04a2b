// Password guessing against the real server (sources through tsx, production
// scrypt cost), as issue #19's probe did it: 300 simultaneous wrong guesses
// against the first admin from one address, then 300 guesses at 300
// usernames from one address; during each burst the real admin logs in from
// another address. The figures: how many guesses had their password checked
// (each 401 is one check), how fast the refusals came, and how long the real
// login waited.
import { adminPasswordFrom, startServer } from '../../support/server-process.ts';
import { fmt, type BenchSection } from './types.ts';

/** The lock counts ten attempts per account and address before checking them. */
const MAX_CHECKED_ONE_ACCOUNT = 10;
/** Two checks running and 32 waiting: the queue's bound. */
const MAX_CHECKED_SPRAY = 34;
/** The real login, at production cost on a shared machine: a few checks' time, never the burst's. */
const MAX_REAL_LOGIN_MS = 15_000;

export const loginBurstSection: BenchSection = {
  name: 'login-burst',
  title: 'staff login under a burst of 300 simultaneous wrong guesses',
  async run() {
    const server = await startServer({ env: { TRUST_PROXY: 'true' } });
    const missed: string[] = [];
    try {
      const password = adminPasswordFrom(server.output());
      const post = (username: string, pw: string, address: string) =>
        fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': address },
          body: JSON.stringify({ username, password: pw }),
        });
      for (const [mode, username, limit] of [['one account', () => 'admin', MAX_CHECKED_ONE_ACCOUNT], ['300 usernames', (i: number) => `user${i}`, MAX_CHECKED_SPRAY]] as const) {
        const started = performance.now();
        const statuses: Record<string, number> = {};
        let lastRefusalMs = 0;
        const burst = Array.from({ length: 300 }, async (_, i) => {
          const res = await post(username(i), `wrong guess ${i}`, '203.0.113.7');
          const code = res.status === 200 ? '' : ((await res.json()) as { error: { code: string } }).error.code;
          statuses[`${res.status} ${code}`] = (statuses[`${res.status} ${code}`] ?? 0) + 1;
          if (res.status === 429) lastRefusalMs = Math.max(lastRefusalMs, performance.now() - started);
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const realStarted = performance.now();
        const real = await post('admin', password, '198.51.100.20');
        const realMs = performance.now() - realStarted;
        await Promise.all(burst);
        const checked = Object.entries(statuses).filter(([k]) => k.startsWith('401')).reduce((n, [, v]) => n + v, 0);
        console.log(`  ${mode}: ${JSON.stringify(statuses)}; checked ${checked}; last refusal at ${fmt(lastRefusalMs)} ms; burst over in ${fmt(performance.now() - started)} ms`);
        console.log(`  ${mode}: the admin from another address: ${real.status} in ${fmt(realMs)} ms`);
        if (checked > limit) missed.push(`${mode}: ${checked} guesses checked (budget ${limit})`);
        if (real.status !== 200) missed.push(`${mode}: the real login answered ${real.status}`);
        if (realMs > MAX_REAL_LOGIN_MS) missed.push(`${mode}: the real login took ${fmt(realMs)} ms (budget ${fmt(MAX_REAL_LOGIN_MS)})`);
      }
    } finally {
      await server.stop();
    }
    return missed;
  },
};
