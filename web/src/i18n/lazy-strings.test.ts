import { describe, expect, it } from 'vitest';

// The same rules as the eager strings (i18n.test.ts), for i18n/<lang>/lazy/*.json.
type Tree = { [key: string]: string | Tree };
const vi = import.meta.glob<Tree>('./vi/lazy/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/lazy/*.json', { eager: true, import: 'default' });
const eagerVi = import.meta.glob<Tree>('./vi/*.json', { eager: true, import: 'default' });

const name = (path: string) => path.replace(/^.*\/(.+)\.json$/, '$1');
const leaves = (obj: Tree, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, string]]));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('on-demand translations', () => {
  it('every vi file has an en twin and none reuses an eager namespace', () => {
    expect(Object.keys(vi).length).toBeGreaterThan(0);
    expect(Object.keys(en).map(name).sort()).toEqual(Object.keys(vi).map(name).sort());
    const eager = new Set(Object.keys(eagerVi).map(name));
    for (const path of Object.keys(vi)) expect(eager.has(name(path)), path).toBe(false);
  });

  for (const [path, strings] of Object.entries(vi)) {
    it(`${name(path)}: same keys, non-empty, same placeholders`, () => {
      const twin = Object.entries(en).find(([p]) => name(p) === name(path))![1];
      const enMap = new Map(leaves(twin));
      expect(leaves(twin).map(([k]) => k).sort()).toEqual(leaves(strings).map(([k]) => k).sort());
      for (const [key, value] of leaves(strings)) {
        expect(typeof value, key).toBe('string');
        expect(value.trim(), key).not.toBe('');
        expect(String(enMap.get(key)).trim(), key).not.toBe('');
        expect(placeholders(String(enMap.get(key))), key).toEqual(placeholders(value));
      }
    });
  }
});
