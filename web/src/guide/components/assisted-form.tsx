import { createSignal, For, Show } from 'solid-js';
import { GENDERS } from '../../../../shared/guide/constants.ts';
import { t } from '../../i18n/index.ts';
import { useGuide } from '../guide-store.ts';

/** Registers a resident without a smartphone. Consent is a required box; its time is recorded. */
export function AssistedForm(props: { sessionId: string | null; groupId: string; onDone: () => void }) {
  const guide = useGuide();
  const [name, setName] = createSignal('');
  const [birthYear, setBirthYear] = createSignal('');
  // "Not said" first and chosen, as on a resident's own profile: no guessed gender in the statistics.
  const [gender, setGender] = createSignal<(typeof GENDERS)[number] | null>(null);
  const [groupId, setGroupId] = createSignal(props.groupId);
  const [consent, setConsent] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  const thisYear = new Date().getFullYear();

  return (
    <form
      class="guide-card guide-form"
      data-testid="assisted-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!consent()) return setProblem(t('guide.assisted.consentRequired'));
        await guide.repo.registerAssisted(guide.identity(), {
          name: name().trim(),
          birthYear: Number(birthYear()),
          gender: gender(),
          groupId: groupId(),
          sessionId: props.sessionId,
        });
        setName('');
        setBirthYear('');
        setGender(null);
        setConsent(false);
        setProblem('');
        void guide.syncNow();
        props.onDone();
      }}
    >
      <h2>{t('guide.assisted.register')}</h2>
      <p class="muted">{t('guide.assisted.hint')}</p>
      <label>
        {t('guide.assisted.name')}
        <input name="assisted-name" required maxlength="80" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('guide.assisted.birthYear')}
        <input name="birth-year" type="number" inputmode="numeric" required min="1900" max={thisYear} value={birthYear()} onInput={(e) => setBirthYear(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('guide.assisted.gender')}</legend>
        <For each={[null, ...GENDERS]}>
          {(g) => (
            <label class="check">
              <input type="radio" name="gender" value={g ?? ''} checked={gender() === g} onChange={() => setGender(g)} />
              {t(`guide.assisted.genders.${g ?? 'none'}`)}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t('guide.assisted.group')}
        <select name="assisted-group" value={groupId()} onChange={(e) => setGroupId(e.currentTarget.value)}>
          <For each={guide.me()?.groups ?? []}>{(g) => <option value={g.id}>{g.name}</option>}</For>
        </select>
      </label>
      <label class="check">
        <input type="checkbox" name="consent" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
        {t('guide.assisted.consent')}
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="submit" class="button" data-testid="assisted-save">{t('guide.assisted.save')}</button>
    </form>
  );
}
