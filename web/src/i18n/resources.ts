// UI strings, one JSON file per feature and language (web/src/i18n/<lang>/<feature>.json).
// The file name is the key namespace: t('home.title') reads home.json. Separate
// files let features grow their strings without touching each other's. Skill
// names (skills.*) come from shared/labels.ts, as in the exported files.
// Vietnamese, the default, is part of the first download; English is its own
// chunk (en-strings.ts), loaded when a resident chooses it or has chosen it
// before. The service worker precaches it, so switching works offline.
import { LABELS } from '../../../shared/labels.ts';
import type { Language } from '../../../shared/skills.ts';

export type Tree = { [key: string]: string | Tree };

export function mergeStrings(files: Record<string, Tree>): Tree {
  const out: Tree = {};
  for (const [path, strings] of Object.entries(files)) out[path.replace(/^.*\/(.+)\.json$/, '$1')] = strings;
  return out;
}

export const viStrings = { ...mergeStrings(import.meta.glob<Tree>('./vi/*.json', { eager: true, import: 'default' })), skills: LABELS.vi.skill };

/** A language's strings: Vietnamese at once, English from its own chunk. */
export function loadStrings(lang: Language): Promise<Tree> {
  return lang === 'vi' ? Promise.resolve(viStrings) : import('./en-strings.ts').then((m) => m.enStrings);
}
