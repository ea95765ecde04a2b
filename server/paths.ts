// Files the server reads from the project itself (migrations, package.json).
// Found from the project root rather than relative to this module, so the
// same code works from the sources (tsx) and from the bundle `npm start` runs
// (build/server/main.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server', 'db', 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No project root (package.json with server/db/migrations) above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server', 'db', 'migrations');
export const PACKAGE_JSON = join(PROJECT_ROOT, 'package.json');
