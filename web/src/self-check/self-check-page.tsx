import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import bank from 'virtual:hvs-self-check';
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/selfCheck.json';
import en from '../i18n/en/lazy/selfCheck.json';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { LearnerBadge } from '../learn/learner-badge.tsx';
import { newSeed } from '../learn/quiz-order.ts';
import { formatDate } from '../resident/format-date.ts';
import { layOut, scoreAttempt, type CheckQuestion, type GroupResult } from './score.ts';
import { keptResults, recordSelfCheck, type KeptResults } from './self-check-repo.ts';
import '../styles/lesson.css';
import '../styles/self-check.css';

registerStrings('selfCheck', { vi, en });

type Phase =
  | { kind: 'intro' }
  | { kind: 'question'; questions: CheckQuestion[]; index: number; chosen: number[]; startedAt: number }
  | { kind: 'result'; results: GroupResult[]; save: 'saving' | 'saved' | 'failed'; retry: () => void };

/**
 * "Tự kiểm tra kỹ năng số" (/self-check): a few minutes of questions tagged
 * by skill group, then per group what was right and the courses to take.
 * Options are shuffled per attempt; it can be taken again as often as wanted.
 * Works offline: the bank ships with this screen's code.
 */
export default function SelfCheckPage() {
  const { sync, content } = useStores();
  const [phase, setPhase] = createSignal<Phase>({ kind: 'intro' });
  const [kept, { mutate }] = createResource<KeptResults | null>(() => keptResults().catch(() => null));
  let heading: HTMLHeadingElement | undefined;
  const focusHeading = () => queueMicrotask(() => heading?.focus());

  const start = () => {
    if (!bank) return;
    setPhase({ kind: 'question', questions: layOut(bank, language(), newSeed()), index: 0, chosen: [], startedAt: Date.now() });
    window.scrollTo(0, 0);
    focusHeading();
  };

  function save(results: GroupResult[], durationSec: number) {
    const retry = () => save(results, durationSec);
    setPhase({ kind: 'result', results, save: 'saving', retry });
    recordSelfCheck(bank!.version, results, durationSec)
      .then((k) => {
        mutate(k);
        setPhase({ kind: 'result', results, save: 'saved', retry });
        void sync.syncNow();
      })
      .catch(() => setPhase({ kind: 'result', results, save: 'failed', retry }));
  }

  function next() {
    const p = phase();
    if (p.kind !== 'question') return;
    if (p.index < p.questions.length - 1) {
      setPhase({ ...p, index: p.index + 1 });
    } else {
      save(scoreAttempt(bank!, p.questions, p.chosen), (Date.now() - p.startedAt) / 1000);
      window.scrollTo(0, 0);
    }
    focusHeading();
  }

  const question = () => {
    const p = phase();
    return p.kind === 'question' ? p : null;
  };
  const result = () => {
    const p = phase();
    return p.kind === 'result' ? p : null;
  };
  const firstOf = (skill: string) => kept()?.first.results.find((r) => r.skill === skill);
  const courseTitle = (id: string) => content.course(id)?.title[language()] ?? id;

  return (
    <article class="lesson self-check" data-testid="self-check">
      {/* The result is kept for this phone's current learner: say who that is. */}
      <LearnerBadge />
      <h1>{t('selfCheck.title')}</h1>
      <Show when={bank} fallback={<p class="notice">{t('selfCheck.unavailable')}</p>}>
        {(b) => (
          <Switch>
            <Match when={phase().kind === 'intro'}>
              <p class="lead">{t('selfCheck.intro', { minutes: b().minutes, count: b().questions.length })}</p>
              <p>{t('selfCheck.privacy')}</p>
              <Show when={kept()}>{(k) => <p data-testid="self-check-last">{t('selfCheck.lastTime', { date: formatDate(k().latest.at) })}</p>}</Show>
              <div class="nav-buttons">
                <button type="button" class="button" data-testid="self-check-start" onClick={start}>
                  {t('selfCheck.start')}
                </button>
              </div>
            </Match>
            <Match when={question()}>
              {(q) => {
                const item = () => q().questions[q().index];
                const picked = () => q().chosen[q().index];
                const pick = (id: number) => {
                  const chosen = [...q().chosen];
                  chosen[q().index] = id;
                  setPhase({ ...q(), chosen });
                };
                return (
                  <section class="lesson-screen quiz" aria-labelledby="self-check-question">
                    <p class="step-counter">{t('selfCheck.questionOf', { current: q().index + 1, total: q().questions.length })}</p>
                    <p class="tag">{t(`skills.${item().skill}`)}</p>
                    <h2 id="self-check-question" tabindex="-1" ref={heading}>
                      {item().question}
                    </h2>
                    <ul class="quiz-options">
                      <For each={item().options}>
                        {(option, i) => (
                          <li>
                            <button
                              type="button"
                              class="quiz-option"
                              aria-pressed={picked() === option.id}
                              data-testid={`self-check-option-${i()}`}
                              data-option-id={option.id}
                              onClick={() => pick(option.id)}
                            >
                              <span class="quiz-mark" aria-hidden="true">
                                {picked() === option.id ? '●' : String.fromCharCode(65 + i())}
                              </span>
                              <span>{option.text}</span>
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                    <div class="nav-buttons">
                      <button type="button" class="button" data-testid="self-check-next" disabled={picked() === undefined} onClick={next}>
                        {q().index < q().questions.length - 1 ? t('selfCheck.next') : t('selfCheck.finish')} →
                      </button>
                    </div>
                  </section>
                );
              }}
            </Match>
            <Match when={result()}>
              {(r) => (
                <section class="lesson-screen" aria-labelledby="self-check-result" data-testid="self-check-result" data-save={r().save}>
                  <h2 id="self-check-result" tabindex="-1" ref={heading}>
                    {t('selfCheck.resultTitle')}
                  </h2>
                  <p role="status" data-testid="self-check-save">
                    {r().save === 'saving' ? t('selfCheck.saving') : r().save === 'saved' ? t('selfCheck.saved') : t('selfCheck.saveFailed')}
                  </p>
                  <Show when={r().save === 'failed'}>
                    <button type="button" class="button secondary" onClick={() => r().retry()}>
                      {t('selfCheck.retrySave')}
                    </button>
                  </Show>
                  <ul class="card-list self-check-groups">
                    <For each={r().results}>
                      {(g) => (
                        <li class="card" data-testid={`self-check-group-${g.skill}`}>
                          <h3>{t(`skills.${g.skill}`)}</h3>
                          <p class="self-check-score">{t('selfCheck.groupScore', { right: g.right, total: g.total })}</p>
                          <Show when={kept() && kept()!.first.at !== kept()!.latest.at && firstOf(g.skill)}>
                            {(f) => <p class="self-check-before">{t('selfCheck.firstTime', { right: f().right, total: f().total })}</p>}
                          </Show>
                          <Show when={g.recommend.length > 0} fallback={<p>{t('selfCheck.allRight')}</p>}>
                            <p>{t('selfCheck.recommend')}</p>
                            <ul>
                              <For each={g.recommend}>
                                {(id) => (
                                  <li>
                                    <a href={`/courses/${id}`} data-testid={`self-check-recommend-${id}`}>
                                      {courseTitle(id)}
                                    </a>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <div class="nav-buttons">
                    <a href="/" class="button secondary">
                      {t('selfCheck.home')}
                    </a>
                    <button type="button" class="button" data-testid="self-check-again" onClick={start}>
                      {t('selfCheck.again')}
                    </button>
                  </div>
                </section>
              )}
            </Match>
          </Switch>
        )}
      </Show>
    </article>
  );
}
