// Strings of screens that load on demand (practice simulators, settings,
// read-aloud) live in i18n/<lang>/lazy/<namespace>.json. The eager files in
// i18n/<lang>/*.json are all bundled into the first download; these are
// bundled with the screen that imports them and added to the app's strings
// when that screen's code arrives, so they cost the home screen nothing.
import type { Language } from '../../../shared/skills.ts';
import { addStrings } from './index.ts';
import type { Tree } from './lookup.ts';

export function registerStrings(namespace: string, byLanguage: Record<Language, Tree>): void {
  for (const [lang, strings] of Object.entries(byLanguage)) addStrings(lang as Language, { [namespace]: strings });
}
