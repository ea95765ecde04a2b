import { For } from 'solid-js';
import { LANGUAGES } from '../../../shared/skills.ts';
import { language, setLanguage, t } from '../i18n/index.ts';

/** Each language is named in itself, so a resident who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t('app.language')} data-testid="language-switch">
      <For each={LANGUAGES}>
        {(lang) => (
          <button
            type="button"
            lang={lang}
            aria-pressed={language() === lang}
            data-testid={`language-${lang}`}
            onClick={() => setLanguage(lang)}
          >
            {t(`language.${lang}`)}
          </button>
        )}
      </For>
    </div>
  );
}
