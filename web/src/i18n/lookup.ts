// The first screen's string reader. i18next is the app's translation engine,
// but at about 13 KB gzip it was the largest part of the first download, so
// it loads after the page's load event; until then t() reads the same string
// files with this reader, which does what i18next does with them: keys by dot
// path, "_one"/"_other" plurals by the language's rules, {{name}} values, the
// fallback language, defaultValue, else the key. lookup.test.ts checks every
// string of both languages against i18next itself.
export type Tree = { [key: string]: string | Tree };
export type TOptions = { [name: string]: unknown; count?: number; defaultValue?: string };

const rules = new Map<string, Intl.PluralRules>();
const pluralOf = (lang: string, count: number) => {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(count);
};

function find(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const interpolate = (s: string, options?: TOptions) =>
  // A value not given leaves its placeholder as written, as i18next does.
  s.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (options?.[name] === undefined ? whole : String(options[name])));

export function translate(trees: Partial<Record<string, Tree>>, lang: string, fallback: string, key: string, options?: TOptions): string {
  for (const l of lang === fallback ? [lang] : [lang, fallback]) {
    const tree = trees[l];
    if (!tree) continue;
    const plural = typeof options?.count === 'number' ? find(tree, `${key}_${pluralOf(l, options.count)}`) : undefined;
    const s = plural ?? find(tree, key);
    if (s !== undefined) return interpolate(s, options);
  }
  return options?.defaultValue ?? key;
}

/** Merges strings into a language's tree (a later file wins on the same key), as i18next's addResourceBundle does. */
export function mergeInto(target: Tree, source: Tree): void {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    if (typeof v === 'object' && typeof existing === 'object') mergeInto(existing, v);
    else target[k] = typeof v === 'object' ? structuredClone(v) : v;
  }
}
