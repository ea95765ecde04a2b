// The screenshot of a false post, attached to its register entry: chosen on
// the phone or computer, made ready like a unit's evidence photo (drawn again
// as JPEG, so no location data leaves the device), uploaded at once (the
// registers work online) and named by the entry when it is saved.
import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { EvidenceRefused, prepareEvidence } from '../unit/evidence-file.ts';
import { registersApi } from './registers-api.ts';

const ERRORS = { offline: 'registers.misinfo.screenshot.offline', failed: 'registers.misinfo.screenshot.failed', byStatus: { 415: 'registers.misinfo.screenshot.unsupported', 413: 'registers.misinfo.screenshot.tooLarge' } } as const;

/** Prepares and uploads a picture; answers the stored hash. PDFs are evidence of activities, not screenshots. */
export async function uploadScreenshot(file: File): Promise<string> {
  const ready = await prepareEvidence(file);
  if (ready.type === 'application/pdf') throw new EvidenceRefused('unsupported');
  return (await registersApi.putScreenshot(ready.sha256, ready.blob)).sha256;
}

export function ScreenshotField(props: { value: string | null; onChange: (sha256: string | null) => void; upload?: (file: File) => Promise<string> }) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem('');
    try {
      props.onChange(await (props.upload ?? uploadScreenshot)(file));
    } catch (err) {
      setProblem(err instanceof EvidenceRefused ? t(`registers.misinfo.screenshot.${err.problem}`) : errorText(err, ERRORS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset class="register-screenshot" data-testid="misinfo-screenshot">
      <legend>{t('registers.misinfo.screenshot.legend')}</legend>
      <p class="hint">{t('registers.misinfo.screenshot.hint')}</p>
      <Show
        when={props.value}
        fallback={
          <label>
            {t('registers.misinfo.screenshot.choose')}
            <input type="file" accept="image/jpeg,image/png,image/webp" disabled={busy()} onChange={(e) => void choose(e.currentTarget.files?.[0])} />
          </label>
        }
      >
        {(sha) => (
          <p>
            <img src={`/api/v1/registers/screenshots/${sha()}`} alt={t('registers.misinfo.screenshot.alt')} class="register-shot" data-testid="misinfo-screenshot-img" />
            <button type="button" class="button secondary" onClick={() => props.onChange(null)}>{t('registers.misinfo.screenshot.remove')}</button>
          </p>
        )}
      </Show>
      <Show when={busy()}><p role="status">{t('registers.misinfo.screenshot.sending')}</p></Show>
      <Show when={problem()}><p class="notice" role="alert">{problem()}</p></Show>
    </fieldset>
  );
}
