import { createSignal, For, lazy, Show } from 'solid-js';
import { LANGUAGES, type Language } from '../../../shared/skills.ts';
import { language, setLanguage, t } from '../i18n/index.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import { contrast, setContrast, setTextSize, textSize, TEXT_SIZES, type Contrast, type TextSize } from '../a11y/display-prefs.ts';
import { getSpeech } from '../a11y/speech.ts';
import { ReadAloudButton } from '../a11y/read-aloud-button.tsx';
import vi from '../i18n/vi/lazy/settingsPage.json';
import en from '../i18n/en/lazy/settingsPage.json';
import { currentLocality } from '../net/api-base.ts';
import '../styles/settings.css';

registerStrings('settingsPage', { vi, en });
// Only a city's localities show it, and moving needs the city's list (online): not precached (vite.config.ts).
const LocalityChoice = lazy(() => import('../resident/locality-choice.tsx'));

/** /settings: text size, contrast and language, each applied at once and kept on the phone; in a city's locality, where the resident lives. */
export default function SettingsPage() {
  const [size, setSize] = createSignal<TextSize>(textSize());
  const [contrastValue, setContrastValue] = createSignal<Contrast>(contrast());
  const speech = getSpeech();

  const chooseSize = (s: TextSize) => (setTextSize(s), setSize(s));
  const chooseContrast = (c: Contrast) => (setContrast(c), setContrastValue(c));

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settingsPage.title')}</h1>
      <p>{t('settingsPage.intro')}</p>

      <fieldset class="settings-group">
        <legend>{t('settingsPage.textSize')}</legend>
        <For each={TEXT_SIZES}>
          {(s) => (
            <label class="settings-option" data-size={s}>
              <input type="radio" name="text-size" data-testid={`text-size-${s}`} checked={size() === s} onChange={() => chooseSize(s)} />
              <span class="settings-sample" aria-hidden="true">
                Aa
              </span>
              {t(`settingsPage.sizes.${s}`)}
            </label>
          )}
        </For>
      </fieldset>

      <fieldset class="settings-group">
        <legend>{t('settingsPage.contrast')}</legend>
        <For each={['normal', 'high'] as const}>
          {(c) => (
            <label class="settings-option">
              <input type="radio" name="contrast" data-testid={`contrast-${c}`} checked={contrastValue() === c} onChange={() => chooseContrast(c)} />
              {t(`settingsPage.contrasts.${c}`)}
            </label>
          )}
        </For>
      </fieldset>

      <fieldset class="settings-group">
        <legend>{t('settingsPage.language')}</legend>
        <For each={LANGUAGES}>
          {(lang: Language) => (
            <label class="settings-option" lang={lang}>
              <input type="radio" name="language" data-testid={`settings-language-${lang}`} checked={language() === lang} onChange={() => setLanguage(lang)} />
              {t(`language.${lang}`)}
            </label>
          )}
        </For>
      </fieldset>

      {/* A city's locality only: a single ward has no other place to move to. */}
      <Show when={currentLocality()}>{(slug) => <LocalityChoice slug={slug()} />}</Show>

      <p class="callout settings-preview">{t('settingsPage.preview')}</p>

      <h2>{t('settingsPage.readAloud')}</h2>
      <Show when={speech.canSpeak(language())} fallback={<p data-testid="voice-missing">{t('settingsPage.voiceNo')}</p>}>
        <p>{t('settingsPage.voiceYes')}</p>
        <ReadAloudButton text={() => t('settingsPage.preview')} what={t('settingsPage.tryVoice')} />
      </Show>
    </section>
  );
}
