import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { DISPLAY_ID_PATTERN, DISPLAY_SLIDE_KINDS, MAX_SLIDES, SLIDE_SECONDS, type DisplaySlideKind } from '../../../shared/displays/constants.ts';
import type { Display, DisplayInput, DisplaySlide } from '../../../shared/displays/schema.ts';
import { t } from '../i18n/index.ts';
import { HttpError } from '../net/http.ts';
import { fetchPublishedNews } from '../news/news-api.ts';
import { fetchPlanSlogans } from './studio/plan-slogans.ts';

const needsText = (kind: DisplaySlideKind) => kind === 'slogan' || kind === 'announcement';
/** A new screen starts with the loop most wards want: a slogan, the QR code, results, sessions. */
const STARTER: DisplaySlide[] = [
  { kind: 'qr', seconds: SLIDE_SECONDS.default },
  { kind: 'coverage', seconds: 15 },
  { kind: 'sessions', seconds: 15 },
];

/** One screen's name and slides; `screen` undefined: a new screen, with its code typed here. */
export function DisplayEditor(props: { screen?: Display; onSave: (id: string, input: DisplayInput) => Promise<unknown>; onCancel: () => void }) {
  const [id, setId] = createSignal(props.screen?.id ?? '');
  const [name, setName] = createSignal(props.screen?.name ?? '');
  const [slides, setSlides] = createSignal<DisplaySlide[]>(props.screen?.slides ?? STARTER);
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  // Published stories a story slide may feature (the public list: a screen shows nothing else), asked once a story slide is there.
  const [published] = createResource(
    () => slides().some((s) => s.kind === 'story') || undefined,
    () => fetchPublishedNews().then((l) => l.items).catch(() => []),
  );
  // The plans' slogans, offered for a slogan slide.
  const [planSlogans] = createResource(() => slides().some((s) => s.kind === 'slogan') || undefined, fetchPlanSlogans);
  const update = (i: number, patch: Partial<DisplaySlide>) => setSlides((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) =>
    setSlides((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem('');
    setBusy(true);
    try {
      const clean = slides().map((s): DisplaySlide => {
        if (needsText(s.kind)) return { kind: s.kind, seconds: s.seconds, text: s.text };
        if (s.kind === 'story' && s.storyId) return { kind: s.kind, seconds: s.seconds, storyId: s.storyId };
        return { kind: s.kind, seconds: s.seconds };
      });
      await props.onSave(id(), { name: name(), slides: clean });
    } catch (err) {
      setProblem(err instanceof HttpError ? err.message : t('displayAdmin.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="display-editor" onSubmit={submit} aria-label={props.screen ? t('displayAdmin.editing', { name: props.screen.name }) : t('displayAdmin.newScreen')}>
      <h2>{props.screen ? t('displayAdmin.editing', { name: props.screen.name }) : t('displayAdmin.newScreen')}</h2>
      <Show when={!props.screen}>
        <label>
          {t('displayAdmin.id')}
          <input name="id" required pattern={DISPLAY_ID_PATTERN.source} maxLength={40} value={id()} onInput={(e) => setId(e.currentTarget.value)} />
        </label>
      </Show>
      <label>
        {t('displayAdmin.name')}
        <input name="name" required maxLength={80} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('displayAdmin.slides')}</legend>
        <ol class="display-slides">
          <Index each={slides()}>
            {(s, i) => (
              <li>
                <fieldset class="display-slide">
                  <legend>{t('displayAdmin.slideN', { n: i + 1 })}</legend>
                  <label>
                    {t('displayAdmin.kind')}
                    <select value={s().kind} onChange={(e) => update(i, { kind: e.currentTarget.value as DisplaySlideKind })}>
                      <For each={DISPLAY_SLIDE_KINDS}>{(k) => <option value={k}>{t(`displayAdmin.kinds.${k}`)}</option>}</For>
                    </select>
                  </label>
                  <label>
                    {t('displayAdmin.seconds')}
                    <input type="number" min={SLIDE_SECONDS.min} max={SLIDE_SECONDS.max} required value={s().seconds} onInput={(e) => update(i, { seconds: e.currentTarget.valueAsNumber })} />
                  </label>
                  <Show when={s().kind === 'story'}>
                    <label class="display-slide-text">
                      {t('displayAdmin.story')}
                      <select data-testid="display-slide-story" value={s().storyId ?? ''} onChange={(e) => update(i, { storyId: e.currentTarget.value || undefined })}>
                        <option value="">{t('displayAdmin.latestStory')}</option>
                        <For each={published() ?? []}>{(item) => <option value={item.id}>{item.title}</option>}</For>
                      </select>
                    </label>
                  </Show>
                  <Show when={s().kind === 'slogan' && (planSlogans()?.length ?? 0) > 0}>
                    <label class="display-slide-text">
                      {t('displayAdmin.planSlogan')}
                      <select data-testid="display-slide-plan-slogan" value="" onChange={(e) => e.currentTarget.value && update(i, { text: e.currentTarget.value })}>
                        <option value="">{t('displayAdmin.choosePlanSlogan')}</option>
                        <For each={planSlogans() ?? []}>{(x) => <option value={x}>{x}</option>}</For>
                      </select>
                    </label>
                  </Show>
                  <Show when={needsText(s().kind)}>
                    <label class="display-slide-text">
                      {t('displayAdmin.text')}
                      <textarea required maxLength={200} rows={2} value={s().text ?? ''} onInput={(e) => update(i, { text: e.currentTarget.value })} />
                    </label>
                  </Show>
                  <div class="display-slide-actions">
                    <button type="button" class="button secondary" disabled={i === 0} onClick={() => move(i, -1)}>{t('displayAdmin.moveUp')}</button>
                    <button type="button" class="button secondary" disabled={i === slides().length - 1} onClick={() => move(i, 1)}>{t('displayAdmin.moveDown')}</button>
                    <button type="button" class="button secondary" disabled={slides().length === 1} onClick={() => setSlides((all) => all.filter((_, j) => j !== i))}>{t('displayAdmin.removeSlide')}</button>
                  </div>
                </fieldset>
              </li>
            )}
          </Index>
        </ol>
        <button type="button" class="button secondary" disabled={slides().length >= MAX_SLIDES} onClick={() => setSlides((all) => [...all, { kind: 'slogan', seconds: SLIDE_SECONDS.default, text: '' }])}>
          {t('displayAdmin.addSlide')}
        </button>
      </fieldset>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <div class="display-editor-actions">
        <button type="submit" class="button" disabled={busy()}>{t('displayAdmin.save')}</button>
        <button type="button" class="button secondary" onClick={() => props.onCancel()}>{t('displayAdmin.cancel')}</button>
      </div>
    </form>
  );
}
