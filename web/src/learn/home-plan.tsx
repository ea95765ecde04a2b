import { createMemo, For, Show } from 'solid-js';
import { continueLesson, learningDays, nextLesson, skillChecklist, type LessonPointer } from '../../../shared/resident/home-plan.ts';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { canOfferInstall, dismissInstall, install } from '../sw/install-prompt.ts';
import { ShareButton } from './share-button.tsx';
import { LearnerBadge } from './learner-badge.tsx';
import { skillName } from './skill-name.ts';
import { WARD_CHANNELS_PATH } from '../../../shared/resident/addresses.ts';

/** Home: continue, next lesson, the five skills checklist, gentle learning days, install offer, "mine" links. */
export function HomePlan() {
  const { content, progress } = useStores();
  const rows = () => progress.rows();
  const lessonTitle = (p: LessonPointer) => content.course(p.courseId)?.lessons.find((l) => l.id === p.lessonId)?.title[language()] ?? '';
  const cont = createMemo(() => continueLesson(content.courses(), rows()));
  const next = createMemo(() => (cont() ? null : nextLesson(content.courses(), rows())));
  const days = createMemo(() => learningDays(rows(), Date.now()));
  const hasFinished = () => rows().some((r) => r.status === 'completed');

  const Pointer = (props: { p: LessonPointer; label: string; testId: string }) => (
    <a href={`/courses/${props.p.courseId}/lessons/${props.p.lessonId}`} class="card next-card" data-testid={props.testId}>
      <span class="muted">{props.label}</span>{' '}
      <strong>{lessonTitle(props.p)}</strong>
    </a>
  );

  // Laid out as soon as the courses are known, but hidden until the progress
  // rows are read (just after the page has loaded): the space is kept, so the
  // course list below does not jump down, and no stale figure is ever shown.
  return (
    <Show when={content.index()}>
      <div classList={{ 'plan-pending': !progress.isReady() }} aria-busy={!progress.isReady()} data-testid="home-plan">
        <LearnerBadge />
        <Show when={cont()}>{(p) => <Pointer p={p()} label={t('homePlan.continue')} testId="continue-lesson" />}</Show>
        <Show when={next()}>{(p) => <Pointer p={p()} label={t('homePlan.next')} testId="next-lesson-card" />}</Show>
        <p class="streak" data-testid="learning-days">
          {days().thisWeek > 0 ? t('homePlan.daysThisWeek', { count: days().thisWeek }) : t('homePlan.daysNone')}
          <Show when={days().total > 0}>{' '}<span class="muted">{t('homePlan.daysTotal', { count: days().total })}</span></Show>
        </p>
        <Show when={hasFinished() && canOfferInstall()}>
          <section class="card install" data-testid="install-offer">
            <h2>{t('homePlan.installTitle')}</h2>
            <p>{t('homePlan.installText')}</p>
            <div class="nav-buttons">
              <button type="button" class="button" onClick={() => void install()}>{t('homePlan.install')}</button>
              <button type="button" class="button secondary" onClick={dismissInstall}>{t('homePlan.notNow')}</button>
            </div>
          </section>
        </Show>
        <h2>{t('homePlan.skillsTitle')}</h2>
        <ul class="skill-list" data-testid="skill-checklist">
          <For each={skillChecklist(content.courses(), rows())}>
            {(s) => {
              // A row is a link only when it leads somewhere: the skill's next course.
              const row = (
                <>
                  <span class="skill-mark" aria-hidden="true">{s.isComplete ? '✓' : '○'}</span>
                  <span class="skill-name">{skillName(s.skill)}</span>{' '}
                  <span class="muted">
                    {s.isComplete ? t('homePlan.skillDone') : s.total === 0 ? t('homePlan.skillNoCourse') : t('homePlan.skillProgress', { done: s.done, total: s.total })}
                  </span>
                </>
              );
              return (
                <li data-done={s.isComplete}>
                  <Show when={s.courseId} fallback={<div class="skill-row">{row}</div>}>
                    {(id) => <a class="skill-row" href={`/courses/${id()}`} data-testid={`skill-${s.skill}`}>{row}</a>}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** Links to the resident's own screens, and sharing the app. */
export function HomeMine() {
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t('homePlan.mine')}</h2>
      <ul class="link-list">
        <li><a href="/me" data-testid="link-me">{t('homePlan.profileLink')}</a></li>
        <li><a href="/certificates" data-testid="link-certificates">{t('homePlan.certificatesLink')}</a></li>
        <li><a href={WARD_CHANNELS_PATH} data-testid="link-channels">{t('homePlan.channelsLink')}</a></li>
        <li><a href="/profiles">{t('homePlan.profilesLink')}</a></li>
        <li><a href="/recover" data-testid="link-recover">{t('homePlan.recoverLink')}</a></li>
      </ul>
      <ShareButton url={location.origin + '/'} title={t('app.name')} text={t('share.appText')} label={t('homePlan.shareApp')} testId="share-app" />
    </section>
  );
}
