// The serving process's packages stay few and all used (README, "Slim
// install"): `npm prune --omit=dev` leaves what `dependencies` pulls in, so
// - that set, read from package-lock.json, stays under a budget (a new
//   runtime package that drags in dozens more must raise it on purpose);
// - every runtime dependency is imported by code the server runs (walked
//   from its entry points through relative imports), or is a command its
//   npm scripts run;
// - nothing the server runs imports a devDependency (a slim install would
//   fail at start). Type-only imports vanish when compiled and are ignored.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; optional?: boolean; dev?: boolean }> };

/** Packages a production install keeps, not counting the platform binaries npm installs only one of. Measured 66 (2026-12: 53, and the 13 of
 * node-postgres since the server opens PostgreSQL when DATABASE_URL says so). */
const RUNTIME_PACKAGE_BUDGET = 70;
/** Runtime dependencies used as commands, not imports: what runs them. */
const COMMANDS: Record<string, RegExp> = { tsx: /^tsx server\// };

/** Where a package resolves from a lock path, as Node would (nearest node_modules first). */
function resolveIn(name: string, from: string): string | null {
  let base = from;
  for (;;) {
    const path = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[path]) return path;
    if (!base) return null;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

function runtimeClosure(): string[] {
  const seen = new Set<string>();
  const walk = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const e = lock.packages[path];
    for (const d of Object.keys({ ...e.dependencies, ...e.optionalDependencies })) {
      const r = resolveIn(d, path);
      if (r) walk(r);
    }
  };
  for (const d of Object.keys(pkg.dependencies)) walk(resolveIn(d, '')!);
  return [...seen];
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
const builtin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]);

/** Bare packages imported (not type-only) by the files reachable from the server's entry points. */
function serverImports(): Map<string, string> {
  const entries = ['server/main.ts', ...readdirSync(join(ROOT, 'server/cli')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `server/cli/${f}`)];
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => join(ROOT, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]),
      ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
    ];
    for (const s of specifiers) {
      if (s.startsWith('.')) {
        const target = resolve(dirname(file), s);
        if (/\.(ts|tsx)$/.test(target)) queue.push(target);
      } else if (!builtin(s) && !s.startsWith('virtual:')) {
        packages.set(packageOf(s), file.slice(ROOT.length + 1));
      }
    }
  }
  return packages;
}

describe('the runtime dependency set', () => {
  it(`keeps a production install under ${RUNTIME_PACKAGE_BUDGET} packages`, () => {
    const kept = runtimeClosure().filter((p) => !lock.packages[p].optional);
    expect(kept.every((p) => !lock.packages[p].dev)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(RUNTIME_PACKAGE_BUDGET);
  });

  it('holds only packages the server runs, and the server runs nothing outside it', () => {
    const imported = serverImports();
    const unused = Object.keys(pkg.dependencies).filter((d) => !imported.has(d) && !Object.values(pkg.scripts).some((s) => COMMANDS[d]?.test(s)));
    expect(unused).toEqual([]);
    const outside = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (${file})`);
    expect(outside).toEqual([]);
  });
});
