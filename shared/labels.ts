// The names of the fixed codes that the web app, the exported files (CSV,
// Excel) and the printed report all show: skills, genders, age bands and the
// guide teams. One file per language (labels/<lang>.json), kept here only, so
// the dashboard, the resident's home screen and a downloaded file use the
// same words. The web adds them to its i18n strings (i18n/resources.ts,
// dashboard/strings.ts); the server's exports read them from here.
import type { TEAMS } from './api.ts';
import type { Language, Skill } from './skills.ts';
import type { AgeBand, GenderKey } from './stats/api.ts';
import vi from './labels/vi.json';
import en from './labels/en.json';

export interface CodeLabels {
  skill: Record<Skill, string>;
  gender: Record<GenderKey | 'total', string>;
  ageBand: Record<AgeBand, string>;
  team: Record<(typeof TEAMS)[number], string>;
}

export const LABELS: Record<Language, CodeLabels> = { vi, en };

/** The name of a code, or the code itself when this build does not know it (a newer server's skill, say). */
export function labelOf(lang: Language, kind: keyof CodeLabels, code: string): string {
  return (LABELS[lang][kind] as Record<string, string>)[code] ?? code;
}
