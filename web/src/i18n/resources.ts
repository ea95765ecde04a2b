// UI strings, one JSON file per feature and language (web/src/i18n/<lang>/<feature>.json).
// The file name is the key namespace: t('home.title') reads home.json. Separate
// files let features grow their strings without touching each other's.
type Tree = { [key: string]: string | Tree };

const vi = import.meta.glob<Tree>('./vi/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });

function merge(files: Record<string, Tree>): Tree {
  const out: Tree = {};
  for (const [path, strings] of Object.entries(files)) out[path.replace(/^.*\/(.+)\.json$/, '$1')] = strings;
  return out;
}

export const resources = { vi: merge(vi), en: merge(en) };
