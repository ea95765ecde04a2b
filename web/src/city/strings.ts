// The city screen's strings travel with its lazy route; the kinds of figure
// use the words of the dashboard, the exports and the reports.
import { registerStrings } from '../i18n/lazy-strings.ts';
import { FIGURE_KIND_WORDS } from '../../../shared/stats/figure-kind-words.ts';
import vi from '../i18n/vi/lazy/city.json';
import en from '../i18n/en/lazy/city.json';

registerStrings('city', {
  vi: { ...vi, figureKinds: { ...FIGURE_KIND_WORDS.vi.name } },
  en: { ...en, figureKinds: { ...FIGURE_KIND_WORDS.en.name } },
});
