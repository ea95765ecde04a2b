import { createEffect, createResource, createSignal, For, Match, Show, Switch, type Accessor } from 'solid-js';
import type { ContentIndex } from '../../../../shared/content/schema.ts';
import { groupFigure, wardProgress } from '../../../../shared/outreach/card-figures.ts';
import type { Dashboard } from '../../../../shared/stats/api.ts';
import { dashboardApi } from '../../dashboard/dashboard-api.ts';
import { language, t } from '../../i18n/index.ts';
import { getApiClient } from '../../net/api.ts';
import { fetchIndexTaughtHere } from '../../learn/index-taught-here.ts';
import { fetchPublishedNews } from '../../news/news-api.ts';
import { groupFigureCard, lessonCard, sloganCard, storyCard, wardProgressCard, type Card } from './card-sources.ts';
import { fetchPlanSlogans } from './plan-slogans.ts';
import { FigurePicker } from './figure-picker.tsx';
import type { LiveFigure } from './live-figures.ts';

export type SourceKind = 'lesson' | 'figure' | 'story' | 'slogan';

/** Vietnam's calendar day, for "as of" on a figure card. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Picks what a card is made from; calls `onCard` with the card, or null while nothing is chosen. */
export function CardSourcePicker(props: { ward: Accessor<string>; origin: Accessor<string>; onCard: (card: Card | null) => void }) {
  const [kind, setKind] = createSignal<SourceKind>('lesson');
  const lang = () => language();
  // Lessons: the course list and chunks, from the service worker's copy when offline.
  const [index] = createResource(() => fetchIndexTaughtHere().catch(() => null as ContentIndex | null));
  const [courseId, setCourseId] = createSignal('');
  const course = () => index()?.courses.find((c) => c.id === courseId());
  const [chunk] = createResource(
    () => course()?.chunks[lang()],
    (url) => getApiClient().fetchCourseChunk(url).catch(() => null),
  );
  const [lessonId, setLessonId] = createSignal('');
  // Figures: the dashboard's own answer (staff session), small counts already hidden.
  const [dash] = createResource(
    () => kind() === 'figure',
    () => dashboardApi.dashboard({}).catch(() => null as Dashboard | null),
  );
  const [figureKey, setFigureKey] = createSignal('ward');
  // Stories: the published list (the resident news store is not shared, so its code stays out of this office chunk).
  const [news] = createResource(() => fetchPublishedNews().catch(() => null));
  const [storyId, setStoryId] = createSignal('');
  // Slogans: the plans' own, or typed.
  const [planSlogans] = createResource(() => kind() === 'slogan' || undefined, fetchPlanSlogans);
  const [slogan, setSlogan] = createSignal<string | null>(null);
  const sloganText = () => (slogan() ?? planSlogans()?.[0] ?? '').trim();
  // A figure's sentence put in as the card's line: the card says it is a figure, and of which day.
  const [inserted, setInserted] = createSignal<LiveFigure | null>(null);
  const sloganFigure = () => (inserted()?.sentence === sloganText() ? inserted() : null);

  const figures = () => {
    const d = dash();
    if (!d) return { ward: null, groups: [] };
    return { ward: wardProgress(d.coverage), groups: d.coverage.map(groupFigure).filter((f) => f !== null) };
  };

  const build = (): Card | null => {
    if (kind() === 'lesson') {
      const c = course();
      const lessons = chunk()?.lessons ?? [];
      const lesson = lessons.find((l) => l.id === lessonId()) ?? lessons[0];
      return c && lesson ? lessonCard(props.ward(), props.origin(), c.id, c.title[lang()], lesson) : null;
    }
    if (kind() === 'figure') {
      const f = figures();
      if (figureKey() === 'ward') return f.ward ? wardProgressCard(props.ward(), props.origin(), f.ward, today()) : null;
      const g = f.groups.find((x) => x.groupName === figureKey());
      return g ? groupFigureCard(props.ward(), props.origin(), g, today()) : null;
    }
    if (kind() === 'slogan') return sloganText() ? sloganCard(props.ward(), props.origin(), sloganText(), sloganFigure()?.asOf) : null;
    const item = news()?.items.find((i) => i.id === storyId()) ?? news()?.items[0];
    return item ? storyCard(props.ward(), props.origin(), item) : null;
  };

  // Every signal `build` reads makes a new card.
  createEffect(() => props.onCard(build()));

  return (
    <fieldset class="card-source">
      <legend>{t('studio.cards.source')}</legend>
      <div class="card-source-kinds" role="radiogroup" aria-label={t('studio.cards.source')}>
        <For each={['lesson', 'figure', 'story', 'slogan'] as SourceKind[]}>
          {(k) => (
            <label>
              <input type="radio" name="card-source" value={k} checked={kind() === k} onChange={() => setKind(k)} /> {t(`studio.cards.sources.${k}`)}
            </label>
          )}
        </For>
      </div>
      <Switch>
        <Match when={kind() === 'lesson'}>
          <label>
            {t('studio.cards.course')}
            <select name="course" value={courseId()} onChange={(e) => { setCourseId(e.currentTarget.value); setLessonId(''); }}>
              <option value="" />
              <For each={index()?.courses ?? []}>{(c) => <option value={c.id}>{c.title[lang()]}</option>}</For>
            </select>
          </label>
          <Show when={chunk()}>
            {(ch) => (
              <label>
                {t('studio.cards.lesson')}
                <select name="lesson" value={lessonId()} onChange={(e) => setLessonId(e.currentTarget.value)}>
                  <For each={ch().lessons}>{(l) => <option value={l.id}>{l.title}</option>}</For>
                </select>
              </label>
            )}
          </Show>
          <Show when={index.state === 'ready' && !index()}>
            <p class="notice" role="alert">{t('studio.cards.noContent')}</p>
          </Show>
        </Match>
        <Match when={kind() === 'figure'}>
          <Show when={!dash.loading} fallback={<p role="status">{t('wardAdmin.loading')}</p>}>
            <Show
              when={dash()}
              fallback={
                <p class="notice" role="alert">
                  {t('studio.cards.figuresNeedLogin')} <a href="/ward">{t('posters.toWard')}</a>
                </p>
              }
            >
              <label>
                {t('studio.cards.figure')}
                <select name="figure" value={figureKey()} onChange={(e) => setFigureKey(e.currentTarget.value)}>
                  <option value="ward" disabled={!figures().ward}>{t('studio.cards.wardFigure')}</option>
                  <For each={figures().groups}>{(g) => <option value={g.groupName}>{g.groupName}</option>}</For>
                </select>
              </label>
              <p class="hint">{t('studio.cards.smallCounts')}</p>
            </Show>
          </Show>
        </Match>
        <Match when={kind() === 'story'}>
          <Show when={(news()?.items.length ?? 0) > 0} fallback={<p class="notice" role="status">{news.loading ? t('wardAdmin.loading') : t('studio.cards.noStories')}</p>}>
            <label>
              {t('studio.cards.story')}
              <select name="story" value={storyId()} onChange={(e) => setStoryId(e.currentTarget.value)}>
                <For each={news()?.items ?? []}>{(i) => <option value={i.id}>{i.title}</option>}</For>
              </select>
            </label>
          </Show>
        </Match>
        <Match when={kind() === 'slogan'}>
          <label>
            {t('studio.cards.slogan')}
            <input name="slogan" list="card-slogans" maxLength={200} value={slogan() ?? planSlogans()?.[0] ?? ''} onInput={(e) => setSlogan(e.currentTarget.value)} />
            <datalist id="card-slogans">
              <For each={planSlogans() ?? []}>{(s) => <option value={s} />}</For>
            </datalist>
          </label>
          <Show when={planSlogans.state === 'ready' && planSlogans()!.length === 0}>
            <p class="hint">{t('studio.cards.noSlogans')}</p>
          </Show>
          <FigurePicker
            onInsert={(f) => {
              setInserted(f);
              setSlogan(f.sentence);
            }}
          />
        </Match>
      </Switch>
    </fieldset>
  );
}

