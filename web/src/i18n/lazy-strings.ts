// Strings of screens that load on demand (practice simulators, settings,
// read-aloud) live in i18n/<lang>/lazy/<namespace>.json. The eager files in
// i18n/<lang>/*.json are all bundled into the first download; these are
// bundled with the screen that imports them and added to i18next when that
// screen's code arrives, so they cost the home screen nothing.
import i18next from 'i18next';
import type { Language } from '../../../shared/skills.ts';

type Tree = { [key: string]: string | Tree };

export function registerStrings(namespace: string, byLanguage: Record<Language, Tree>): void {
  for (const [lang, strings] of Object.entries(byLanguage)) {
    i18next.addResourceBundle(lang, 'translation', { [namespace]: strings }, true, true);
  }
}
