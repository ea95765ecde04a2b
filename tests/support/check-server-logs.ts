// `HVS_SERVER_LOG_DIR=DIR npx vitest run …` keeps every test server's log in
// DIR; then `npx tsx tests/support/check-server-logs.ts DIR` searches them all
// for credentials, session cookies, secret or personal fields and request
// bodies, and exits 1 listing each line that has one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLeaks } from './server-logs.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Usage: npx tsx tests/support/check-server-logs.ts DIR\n');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
let lines = 0;
const leaks = files.flatMap((file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  lines += text.split('\n').length;
  return findLeaks(text).map((leak) => `${file}: ${leak}`);
});
console.log(`${files.length} server logs, ${lines} lines searched`);
if (files.length === 0 || leaks.length > 0) {
  for (const leak of leaks) console.log(leak);
  process.exit(1);
}
console.log('no secrets or personal fields found');
