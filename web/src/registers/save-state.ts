// One form's save: busy while the request is out, then "saved" or the reason
// it was not. The form keeps what was typed when a save fails.
import { createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';
import { saveErrorText } from './save-error.ts';

export function createSaveState() {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [failed, setFailed] = createSignal(false);
  return {
    busy,
    message,
    failed,
    /** Runs the save; `done` (clearing the form) only after the server said yes. */
    async run(save: () => Promise<unknown>, done?: () => void): Promise<boolean> {
      setBusy(true);
      setMessage('');
      try {
        await save();
        setFailed(false);
        setMessage(t('registers.saved'));
        done?.();
        return true;
      } catch (err) {
        setFailed(true);
        setMessage(saveErrorText(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    /** A problem found before sending. */
    refuse(text: string) {
      setFailed(true);
      setMessage(text);
    },
  };
}
export type SaveState = ReturnType<typeof createSaveState>;
