// The evidence of an activity being recorded: take a photo with the camera or
// choose a photo or PDF; each is made ready on the phone (evidence-file.ts)
// and shown with a way to remove it before the activity is saved.
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { MAX_FILES_PER_ACTIVITY, MAX_STORED_FILE_BYTES } from '../../../shared/file-types.ts';
import { t } from '../i18n/index.ts';
import { EvidenceRefused, prepareEvidence } from './evidence-file.ts';
import type { AttachedFile } from './unit-repo.ts';

const MB = MAX_STORED_FILE_BYTES / 1024 / 1024;

export function EvidencePicker(props: { files: AttachedFile[]; onChange: (files: AttachedFile[]) => void }) {
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const urls = new Map<string, string>();
  const preview = (f: AttachedFile) => {
    if (!urls.has(f.sha256)) urls.set(f.sha256, URL.createObjectURL(f.blob));
    return urls.get(f.sha256)!;
  };
  onCleanup(() => urls.forEach((u) => URL.revokeObjectURL(u)));

  async function add(input: HTMLInputElement) {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    setProblem('');
    setBusy(true);
    let files = props.files;
    try {
      for (const file of chosen) {
        if (files.length >= MAX_FILES_PER_ACTIVITY) {
          setProblem(t('unit.fileProblem.tooMany', { count: MAX_FILES_PER_ACTIVITY }));
          break;
        }
        try {
          const ready = await prepareEvidence(file);
          if (!files.some((f) => f.sha256 === ready.sha256)) files = [...files, ready];
        } catch (err) {
          if (!(err instanceof EvidenceRefused)) throw err;
          setProblem(t(`unit.fileProblem.${err.problem}`, { mb: MB }));
        }
      }
    } finally {
      props.onChange(files);
      setBusy(false);
    }
  }

  return (
    <fieldset data-testid="evidence">
      <legend>{t('unit.evidence')}</legend>
      <p class="unit-hint">{t('unit.evidenceHint', { mb: MB })}</p>
      <label>
        {t('unit.takePhoto')}
        <input type="file" accept="image/*" capture="environment" data-testid="evidence-camera" disabled={busy()} onChange={(e) => void add(e.currentTarget)} />
      </label>
      <label>
        {t('unit.chooseFile')}
        <input type="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple data-testid="evidence-file" disabled={busy()} onChange={(e) => void add(e.currentTarget)} />
      </label>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <ul class="unit-files" data-testid="evidence-list">
        <For each={props.files}>
          {(f) => (
            <li>
              <Show when={f.type !== 'application/pdf'} fallback={<span class="unit-file-pdf">PDF</span>}>
                <img src={preview(f)} alt="" width="64" height="64" />
              </Show>
              <span class="unit-file-name">{f.name}</span>
              <button type="button" class="button secondary" aria-label={t('unit.removeFile', { name: f.name })} onClick={() => props.onChange(props.files.filter((x) => x.sha256 !== f.sha256))}>
                ✕
              </button>
            </li>
          )}
        </For>
      </ul>
    </fieldset>
  );
}
