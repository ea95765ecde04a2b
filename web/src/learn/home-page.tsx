import { createMemo, createSignal, For, Show } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { SyncStatus } from './sync-status.tsx';
import { OfflineReady } from './offline-ready.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { LoadState } from './load-state.tsx';
import { WelcomePanel } from './welcome-panel.tsx';
import { HomeMine, HomePlan } from './home-plan.tsx';
import { isFirstPaintDone, revealInSteps } from '../app/first-paint.ts';
import { coursesOnHome, rememberAllShown, wasAllShown } from './home-course-choice.ts';
import { skillName } from './skill-name.ts';
import '../styles/resident-home.css';

// Links here are plain <a>: the router follows them all the same (it handles
// every same-origin link), and home needs no "current page" styling, which is
// what each <A> pays for when it is created.
export default function HomePage() {
  const { content, progress } = useStores();
  const [showAll, setShowAll] = createSignal(wasAllShown());
  const started = createMemo(() => new Set(progress.rows().map((r) => r.courseId)));
  const listed = createMemo(() => coursesOnHome(content.courses(), (id) => started().has(id), showAll()));
  const shownCourses = revealInSteps(() => listed().length, 3);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <WelcomePanel />
      <SyncStatus />
      <OfflineReady />
      <HomePlan />
      <a href="/join" class="button secondary" data-testid="join-entry">
        {t('joinEntry.label')}
      </a>
      <a href="/self-check" class="button secondary" data-testid="self-check-entry">
        {t('home.selfCheck')}
      </a>
      <h2>{t('home.courses')}</h2>
      <LoadState isLoading={content.isLoading()} error={content.loadError()} onRetry={content.reload} />
      {/* The list is below the fold: on the app's first screen it renders
          after the first paint, a few cards per task. Home lists the first
          courses and those started (home-course-choice.ts), then "all". */}
      <Show when={shownCourses() > 0}>
        <ul class="card-list course-list">
          <For each={listed().slice(0, shownCourses())}>
            {(course) => (
              <li>
                <a href={`/courses/${course.id}`} class="card course-card" data-testid={`course-${course.id}`}>
                  <span class="tag">{skillName(course.skill)}</span>
                  <h3>{course.title[language()]}</h3>
                  <p>{course.summary[language()]}</p>
                  <ProgressBar done={progress.doneCount(course.id)} total={course.lessons.length} />
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!showAll() && shownCourses() === listed().length && listed().length < content.courses().length}>
        <button
          type="button"
          class="button secondary all-courses"
          data-testid="all-courses"
          onClick={() => {
            setShowAll(true);
            rememberAllShown();
          }}
        >
          {t('home.allCourses', { count: content.courses().length })}
        </button>
      </Show>
      <Show when={shownCourses() === listed().length && isFirstPaintDone()}>
        <HomeMine />
      </Show>
    </>
  );
}
