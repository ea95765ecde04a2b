import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ContentIndex } from '../../../shared/content/schema.ts';
import { bulletinFromLesson } from '../../../shared/outreach/bulletin-from-lesson.ts';
import { bulletinFromStory } from '../../../shared/outreach/bulletin-from-story.ts';
import { figureSentences } from '../../../shared/outreach/figures-spoken.ts';
import { t } from '../i18n/index.ts';
import viBulletins from '../i18n/vi/lazy/bulletins.json';
import { getApiClient } from '../net/api.ts';
import { fetchIndexTaughtHere } from '../learn/index-taught-here.ts';
import { fetchPublishedNews } from '../news/news-api.ts';
import { dashboardApi } from '../dashboard/dashboard-api.ts';

export type SourceKind = 'lesson' | 'story' | 'figures' | 'blank';
export type BulletinKind = 'news' | 'article' | 'column';

/** The blank start for a kind: its opening, a place for the text, its closing. In Vietnamese
 * whatever the screen's language, as the radio speaks (the lesson source does the same). */
export const blankTemplate = (kind: BulletinKind) => {
  const { opening, body, closing } = viBulletins.templates[kind];
  return [opening, body, closing].join('\n\n');
};

/** Vietnam's calendar day, for "as of" in the figures sentence. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Where a bulletin's first draft comes from: a lesson, a published story, today's figures, or a blank template. */
export function BulletinSource(props: { bulletinKind: BulletinKind; onInsert: (title: string, text: string) => void }) {
  const [kind, setKind] = createSignal<SourceKind>('lesson');
  const [index] = createResource(() => fetchIndexTaughtHere().catch(() => null as ContentIndex | null));
  const [courseId, setCourseId] = createSignal('');
  const [lessonId, setLessonId] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const course = () => index()?.courses.find((c) => c.id === courseId());
  // Published stories, asked for once the source is chosen: the list residents read on /tin.
  const [news] = createResource(
    () => kind() === 'story' || undefined,
    () => fetchPublishedNews().catch(() => null),
  );
  const stories = () => news()?.items ?? [];
  const [storyId, setStoryId] = createSignal('');
  const story = () => stories().find((i) => i.id === storyId()) ?? stories()[0];

  const insert = async () => {
    setProblem('');
    if (kind() === 'blank') return props.onInsert('', blankTemplate(props.bulletinKind));
    if (kind() === 'story') {
      const item = story();
      if (!item) return;
      const b = bulletinFromStory(item);
      return props.onInsert(b.title, b.text);
    }
    if (kind() === 'figures') {
      try {
        const d = await dashboardApi.dashboard({});
        return props.onInsert('', figureSentences(d.meta.wardName, d.headline, d.coverage, today()));
      } catch {
        return setProblem(t('bulletins.figuresUnavailable'));
      }
    }
    const c = course();
    if (!c) return;
    // Radio bulletins are in Vietnamese: the Vietnamese lesson, whatever the screen's language.
    const chunk = await getApiClient().fetchCourseChunk(c.chunks.vi);
    const lesson = chunk.lessons.find((l) => l.id === lessonId()) ?? chunk.lessons[0];
    const b = bulletinFromLesson(lesson, c.title.vi);
    props.onInsert(b.title, b.text);
  };

  return (
    <fieldset class="bulletin-source">
      <legend>{t('bulletins.source')}</legend>
      <div class="bulletin-source-kinds" role="radiogroup">
        <For each={['lesson', 'story', 'figures', 'blank'] as SourceKind[]}>
          {(k) => (
            <label>
              <input type="radio" name="source" value={k} checked={kind() === k} onChange={() => setKind(k)} /> {t(`bulletins.sources.${k}`)}
            </label>
          )}
        </For>
      </div>
      <Switch>
        <Match when={kind() === 'lesson'}>
          <label>
            {t('bulletins.course')}
            <select value={courseId()} onChange={(e) => { setCourseId(e.currentTarget.value); setLessonId(''); }}>
              <option value="" />
              <For each={index()?.courses ?? []}>{(c) => <option value={c.id}>{c.title.vi}</option>}</For>
            </select>
          </label>
          <Show when={course()}>
            {(c) => (
              <label>
                {t('bulletins.lesson')}
                <select value={lessonId()} onChange={(e) => setLessonId(e.currentTarget.value)}>
                  <For each={c().lessons}>{(l) => <option value={l.id}>{l.title.vi}</option>}</For>
                </select>
              </label>
            )}
          </Show>
        </Match>
        <Match when={kind() === 'story'}>
          <Show
            when={stories().length > 0}
            fallback={<p class="notice" role="status">{news.loading ? t('wardAdmin.loading') : t(news() ? 'bulletins.noStories' : 'bulletins.storiesUnavailable')}</p>}
          >
            <label>
              {t('bulletins.story')}
              <select value={story()?.id ?? ''} onChange={(e) => setStoryId(e.currentTarget.value)}>
                <For each={stories()}>{(i) => <option value={i.id}>{i.title}</option>}</For>
              </select>
            </label>
          </Show>
        </Match>
        <Match when={kind() === 'blank'}>
          <p class="hint" data-testid="bulletin-template">
            {t('bulletins.templateNote', { kind: t(`bulletins.kinds.${props.bulletinKind}`).toLocaleLowerCase() })} “{t(`bulletins.templates.${props.bulletinKind}.opening`)}” … “{t(`bulletins.templates.${props.bulletinKind}.closing`)}”
          </p>
        </Match>
      </Switch>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="button" class="button secondary" disabled={(kind() === 'lesson' && !course()) || (kind() === 'story' && !story())} onClick={() => void insert()}>
        {t('bulletins.insert')}
      </button>
    </fieldset>
  );
}
