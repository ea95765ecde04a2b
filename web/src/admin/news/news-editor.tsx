// One story's form: kind, title, summary, Markdown text with a live preview
// made by the same renderer the server uses for residents
// (shared/news/render.ts), and the consent box that appears when the story
// names a private person or business. The office may choose the unit.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { STORY_KINDS, STORY_LIMITS, storyPhotoPath, type StoryKind } from '../../../../shared/news/constants.ts';
import { renderStoryMarkdown } from '../../../../shared/news/render.ts';
import type { Story, StoryInput, StoryPhoto } from '../../../../shared/news/schema.ts';
import { PhotoList } from './photo-list.tsx';
import type { Unit } from '../../../../shared/plans/schema.ts';
import { t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { apiUrl } from '../../net/api-base.ts';

export const DESK_ERRORS = {
  offline: 'newsDesk.errors.offline',
  failed: 'newsDesk.errors.failed',
  byCode: {
    consent_required: 'newsDesk.errors.consent_required',
    invalid_markdown: 'newsDesk.errors.invalid_markdown',
    wrong_status: 'newsDesk.errors.wrong_status',
    unknown_unit: 'newsDesk.errors.unknown_unit',
    unknown_photo: 'newsDesk.errors.unknown_photo',
    forbidden: 'newsDesk.errors.forbidden',
  },
} as const;

export function NewsEditor(props: {
  story: Story | null;
  /** Units the office may choose from; empty for a unit officer (always their own). */
  units: Unit[];
  onSave: (input: StoryInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const s = props.story;
  const [kind, setKind] = createSignal<StoryKind>(s?.kind ?? 'typical-model');
  const [title, setTitle] = createSignal(s?.title ?? '');
  const [summary, setSummary] = createSignal(s?.summary ?? '');
  const [body, setBody] = createSignal(s?.body ?? '');
  const [namesPrivate, setNamesPrivate] = createSignal(s?.namesPrivate ?? false);
  const [consent, setConsent] = createSignal(s?.consent ?? false);
  const [unitId, setUnitId] = createSignal(s?.unitId ?? '');
  const [photos, setPhotos] = createSignal<StoryPhoto[]>(s?.photos ?? []);
  const [problem, setProblem] = createSignal('');
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const preview = createMemo(() => renderStoryMarkdown(body()));

  async function save(e: Event) {
    e.preventDefault();
    setProblem('');
    setNote('');
    if (namesPrivate() && !consent()) return void setProblem(t('newsDesk.editor.consentNeeded'));
    if (photos().some((p) => !p.alt.trim())) return void setProblem(t('newsDesk.photos.altNeeded'));
    if (preview().problems.length > 0) return void setProblem(t('newsDesk.errors.invalid_markdown', { message: preview().problems.join('; ') }));
    setBusy(true);
    try {
      await props.onSave({
        kind: kind(),
        title: title().trim(),
        summary: summary().trim(),
        body: body(),
        namesPrivate: namesPrivate(),
        consent: namesPrivate() && consent(),
        photos: photos().map((p) => ({ ...p, alt: p.alt.trim() })),
        ...(props.units.length > 0 ? { unitId: unitId() || null } : {}),
      });
      setNote(t('newsDesk.editor.saved'));
    } catch (err) {
      setProblem(errorText(err, DESK_ERRORS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="admin-card news-editor" data-testid="news-editor" onSubmit={save}>
      <h2>{s ? t('newsDesk.editor.editTitle') : t('newsDesk.editor.newTitle')}</h2>
      <Show when={s && (s.status === 'approved' || s.status === 'unpublished')}>
        <p class="notice">{t('newsDesk.editor.backToApproval')}</p>
      </Show>
      <div class="news-editor-grid">
        <div class="news-editor-fields">
          <label>
            {t('newsDesk.editor.kind')}
            <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as StoryKind)}>
              <For each={STORY_KINDS}>{(k) => <option value={k}>{t(`newsDesk.kinds.${k}`)}</option>}</For>
            </select>
          </label>
          <label>
            {t('newsDesk.editor.titleLabel')}
            <input name="title" required maxLength={STORY_LIMITS.title} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            {t('newsDesk.editor.summary')}
            <textarea name="summary" rows={2} maxLength={STORY_LIMITS.summary} value={summary()} onInput={(e) => setSummary(e.currentTarget.value)} />
          </label>
          <label>
            {t('newsDesk.editor.body')}
            <textarea name="body" rows={12} maxLength={STORY_LIMITS.body} value={body()} onInput={(e) => setBody(e.currentTarget.value)} aria-describedby="news-body-help" />
          </label>
          <p id="news-body-help" class="help">{t('newsDesk.editor.bodyHelp')}</p>
          <PhotoList photos={photos()} onChange={setPhotos} />
          <Show when={props.units.length > 0}>
            <label>
              {t('newsDesk.editor.unit')}
              <select name="unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
                <option value="">{t('newsDesk.editor.noUnit')}</option>
                <For each={props.units}>{(u) => <option value={u.id}>{u.name}</option>}</For>
              </select>
            </label>
          </Show>
          <label class="check">
            <input type="checkbox" name="namesPrivate" checked={namesPrivate()} onChange={(e) => setNamesPrivate(e.currentTarget.checked)} />
            {t('newsDesk.editor.namesPrivate')}
          </label>
          <Show when={namesPrivate()}>
            <label class="check">
              <input type="checkbox" name="consent" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
              {t('newsDesk.editor.consent')}
            </label>
          </Show>
        </div>
        <section class="news-preview" aria-live="polite" data-testid="news-preview">
          <h3>{t('newsDesk.editor.preview')}</h3>
          <Show when={preview().problems.length > 0}>
            <ul class="notice" data-testid="news-preview-problems">
              <For each={preview().problems}>{(p) => <li>{p}</li>}</For>
            </ul>
          </Show>
          <Show when={title().trim()}>
            <h4 class="news-preview-title">{title()}</h4>
          </Show>
          <Show when={summary().trim()}>
            <p class="lead">{summary()}</p>
          </Show>
          <For each={photos()}>
            {(p) => (
              <figure class="news-photo">
                <img src={apiUrl(storyPhotoPath(p.thumb ?? p.sha256))} alt={p.alt} data-testid="news-preview-photo" />
              </figure>
            )}
          </For>
          <Show when={preview().html} fallback={<p class="help">{t('newsDesk.editor.previewEmpty')}</p>}>
            <div class="news-body" innerHTML={preview().html} />
          </Show>
        </section>
      </div>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="news-editor-problem">
          {problem()}
        </p>
      </Show>
      <Show when={note()}>
        <p role="status">{note()}</p>
      </Show>
      <div class="news-editor-actions">
        <button type="submit" class="button" disabled={busy()} data-testid="news-save">
          {t('newsDesk.editor.save')}
        </button>
        <button type="button" class="button secondary" onClick={() => props.onClose()}>
          {t('newsDesk.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
