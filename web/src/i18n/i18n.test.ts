import { describe, expect, it } from 'vitest';
import { enStrings as en } from './en-strings.ts';
import { viStrings as vi } from './resources.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaves(obj: object): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v).map(([p, x]): [string, unknown] => [`${k}.${p}`, x]) : [[k, v]],
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('vi and en have exactly the same keys', () => {
    expect(keys(vi).length).toBeGreaterThan(50);
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    const enMap = new Map(leaves(en));
    for (const [key, value] of leaves(vi)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(placeholders(String(enMap.get(key))), key).toEqual(placeholders(value as string));
    }
  });

  it('keys are namespaced by feature', () => {
    for (const key of keys(vi)) expect(key, key).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z0-9_.-]+$/);
  });
});
