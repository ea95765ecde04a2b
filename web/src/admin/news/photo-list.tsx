// A story's photos in the editor: add one (redrawn and uploaded at once:
// the news desk works online), write its description (alt text, required),
// remove it. Each shows from the staff address, drafts included.
import { createSignal, For, Show } from 'solid-js';
import { STORY_LIMITS, storyPhotoPath } from '../../../../shared/news/constants.ts';
import type { StoryPhoto } from '../../../../shared/news/schema.ts';
import { t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { PhotoRefused, uploadStoryPhoto } from './story-photo.ts';
import { apiUrl } from '../../net/api-base.ts';

const PHOTO_ERRORS = {
  offline: 'newsDesk.photos.offline',
  failed: 'newsDesk.errors.failed',
  byCode: { unsupported_type: 'newsDesk.photos.unsupported', invalid_file: 'newsDesk.photos.unreadable', file_too_large: 'newsDesk.photos.tooLarge' },
} as const;

export function PhotoList(props: { photos: StoryPhoto[]; onChange: (photos: StoryPhoto[]) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal('');

  async function add(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setProblem('');
    setBusy(true);
    try {
      const { sha256, thumb } = await uploadStoryPhoto(file);
      props.onChange([...props.photos, { sha256, thumb, alt: '' }]);
    } catch (err) {
      setProblem(err instanceof PhotoRefused ? t(`newsDesk.photos.${err.problem}`) : errorText(err, PHOTO_ERRORS));
    } finally {
      setBusy(false);
    }
  }
  const setAlt = (i: number, alt: string) => props.onChange(props.photos.map((p, j) => (j === i ? { ...p, alt } : p)));

  return (
    <fieldset class="news-photos" data-testid="news-photos">
      <legend>{t('newsDesk.photos.legend')}</legend>
      <ul>
        <For each={props.photos}>
          {(photo, i) => (
            <li>
              <img src={apiUrl(storyPhotoPath(photo.thumb ?? photo.sha256))} alt="" width="120" />
              <label>
                {t('newsDesk.photos.alt')}
                <input name="alt" required maxLength={STORY_LIMITS.alt} value={photo.alt} onInput={(e) => setAlt(i(), e.currentTarget.value)} data-testid="news-photo-alt" />
              </label>
              <button type="button" class="button secondary" onClick={() => props.onChange(props.photos.filter((_, j) => j !== i()))}>
                {t('newsDesk.photos.remove')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.photos.length < STORY_LIMITS.photos}>
        <label class="button secondary">
          {busy() ? t('newsDesk.photos.uploading') : t('newsDesk.photos.add')}
          <input type="file" accept="image/jpeg,image/png,image/webp" class="visually-hidden" disabled={busy()} onChange={(e) => void add(e.currentTarget)} data-testid="news-photo-input" />
        </label>
      </Show>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="news-photo-problem">
          {problem()}
        </p>
      </Show>
      <p class="help">{t('newsDesk.photos.help')}</p>
    </fieldset>
  );
}
