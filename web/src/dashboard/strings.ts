// The dashboard's UI strings travel with the ward page's code, not with the
// resident app's first download. The names of age bands, genders and teams
// come from shared/labels.ts, the same words as in the exported files.
import { LABELS } from '../../../shared/labels.ts';
import type { Language } from '../../../shared/skills.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { FIGURE_KIND_WORDS } from '../../../shared/stats/figure-kind-words.ts';
import vi from '../i18n/vi/lazy/dashboard.json';
import en from '../i18n/en/lazy/dashboard.json';

const withLabels = (lang: Language, strings: typeof vi) => ({
  ...strings,
  demographics: { ...strings.demographics, bands: LABELS[lang].ageBand, genders: LABELS[lang].gender },
  freshness: { ...strings.freshness, teams: LABELS[lang].team },
  // The kinds of figure: the same words as the exports and the Word report.
  kinds: { ...FIGURE_KIND_WORDS[lang] } as Record<string, string | Record<string, string>>,
});

registerStrings('dashboard', { vi: withLabels('vi', vi), en: withLabels('en', en) });
