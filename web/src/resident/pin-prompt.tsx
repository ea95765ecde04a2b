import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/**
 * Asks for a family member's 4-digit PIN before opening their profile. A
 * malformed entry is refused here; a wrong one is refused by `onSubmit`
 * (false), and the field is cleared for another try.
 */
export function PinPrompt(props: { name: string; onSubmit: (pin: string) => Promise<boolean>; onCancel: () => void }) {
  const [pin, setPin] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(pin())) return setError(t('resident.profiles.pinBad'));
    setBusy(true);
    setError(null);
    try {
      if (await props.onSubmit(pin())) return;
      setError(t('resident.profiles.pinWrong'));
      setPin('');
      input?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack pin-prompt" onSubmit={(e) => void submit(e)} data-testid="pin-prompt">
      <label class="field">
        <span>{t('resident.profiles.pinAsk', { name: props.name })}</span>
        <input
          ref={input}
          type="password"
          inputmode="numeric"
          maxLength={4}
          autocomplete="off"
          value={pin()}
          onInput={(e) => setPin(e.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          data-testid="pin-input"
        />
      </label>
      <div role="alert">
        <Show when={error()}><p class="notice" data-testid="pin-error">{error()}</p></Show>
      </div>
      <div class="nav-buttons">
        <button type="submit" class="button" disabled={busy()} data-testid="pin-open">{t('resident.profiles.open')}</button>
        <button type="button" class="button secondary" onClick={() => props.onCancel()}>{t('resident.profiles.cancel')}</button>
      </div>
    </form>
  );
}
