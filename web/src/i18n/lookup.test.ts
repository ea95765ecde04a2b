import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translate, type TOptions, type Tree } from './lookup.ts';
import { enStrings } from './en-strings.ts';
import { viStrings } from './resources.ts';

// Every string the app has, eager and on demand, as the app merges them.
const lazy = (lang: string) =>
  Object.fromEntries(
    Object.entries(import.meta.glob<Tree>('./*/lazy/*.json', { eager: true, import: 'default' }))
      .filter(([path]) => path.startsWith(`./${lang}/`))
      .map(([path, tree]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), tree]),
  );
const trees: Record<string, Tree> = { vi: { ...viStrings, ...lazy('vi') }, en: { ...enStrings, ...lazy('en') } };

const leaves = (obj: Tree, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, string]]));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

async function engine(lang: string) {
  const i = i18next.createInstance();
  await i.init({ lng: lang, fallbackLng: 'vi', resources: { vi: { translation: trees.vi }, en: { translation: trees.en } }, initAsync: false, interpolation: { escapeValue: false } });
  return i;
}

describe('the first-screen reader answers as i18next does', () => {
  for (const lang of ['vi', 'en']) {
    it(`every ${lang} string, with its values and with counts 0, 1, 2 and 21`, async () => {
      const i = await engine(lang);
      let compared = 0;
      for (const [leaf, text] of leaves(trees[lang])) {
        const key = leaf.replace(/_(one|other)$/, '');
        const values = Object.fromEntries(placeholders(text).map((p) => [p, `<${p}>`]));
        const cases: TOptions[] = /_(one|other)$/.test(leaf) ? [0, 1, 2, 21].map((count) => ({ ...values, count })) : [values, {}];
        for (const options of cases) {
          expect(translate(trees, lang, 'vi', key, options), `${lang} ${key} ${JSON.stringify(options)}`).toBe(i.t(key, options));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  it('falls back to Vietnamese, then to defaultValue, then to the key', async () => {
    const partial = { vi: { a: { b: 'Chào {{name}}' } }, en: {} };
    const i = i18next.createInstance();
    await i.init({ lng: 'en', fallbackLng: 'vi', resources: { vi: { translation: partial.vi }, en: { translation: partial.en } }, initAsync: false, interpolation: { escapeValue: false } });
    for (const [key, options] of [['a.b', { name: 'Tư' }], ['a.b', {}], ['a.c', { defaultValue: 'x' }], ['a.c', {}]] as const) {
      expect(translate(partial, 'en', 'vi', key, options), key).toBe(i.t(key, options));
    }
  });
});
