// Keeps the whole output of every server a test starts when HVS_SERVER_LOG_DIR
// is set, so the logs of a full test run can be searched afterwards for
// secrets and personal data (tests/support/check-server-logs.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_LOG_DIR = process.env.HVS_SERVER_LOG_DIR;

/** Writes (or rewrites, after a restart) this server's log; a no-op unless asked for. */
export function keepServerLog(port: number, output: string): void {
  if (!SERVER_LOG_DIR) return;
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  writeFileSync(join(SERVER_LOG_DIR, `server-${port}.log`), output);
}

/** Lines that carry something a log must never hold, whatever the test did. */
const LEAKS: Array<[string, RegExp]> = [
  ['learner credentials', /Bearer\s+[0-9a-f-]{36}\.[\w-]{16,}/i],
  ['a session cookie', /hvs_session=[\w-]{16,}/],
  ['a secret or personal field', /"(password|secret|token|sessionToken|cookie|authorization|recoveryCode|displayName|fullName|name|birthYear|phone|address|label|unit)"\s*:\s*(?!"\[redacted\]")["\d]/i],
  ['a request body', /"(events|profile)"\s*:\s*[[{]/],
];

export function findLeaks(log: string): string[] {
  return log.split('\n').flatMap((line) => LEAKS.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${what}: ${line.slice(0, 200)}`));
}
