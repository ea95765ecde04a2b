import { createResource, createSignal, For, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { renderSVG } from 'uqr';
import type { SessionSummary } from '../../../../shared/guide/api.ts';
import { t } from '../../i18n/index.ts';
import { HttpError } from '../../net/http.ts';
import { formatCode } from '../code.ts';
import { formatLearnerCode } from '../../../../shared/guide/learner-code.ts';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { SessionPrintHead } from '../components/session-print-head.tsx';
import { AssistedForm } from '../components/assisted-form.tsx';
import { LearnerActions } from '../components/learner-actions.tsx';
import { guideApi } from '../guide-api.ts';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';

const TOTALS = ['attendees', 'newLearners', 'selfCompletions', 'assistedCompletions', 'outcomes'] as const;

/** One session: QR and code to show, the roster as far as synced, assisted
 * learners registered here, and a printable summary. */
export default function SessionPage() {
  const guide = useGuide();
  const params = useParams<{ id: string }>();
  const [tick, setTick] = createSignal(0);
  const [local] = createResource(tick, async () => ({ session: await guide.repo.getSession(params.id), assisted: await guide.repo.listAssisted(params.id) }));
  // The server's roster; undefined offline or while the session is not synced yet.
  const [remote] = createResource(tick, async (): Promise<SessionSummary | 'not-synced' | 'offline'> => {
    await guide.syncNow();
    try {
      return await guideApi.session(params.id);
    } catch (err) {
      return err instanceof HttpError && err.status === 404 ? 'not-synced' : 'offline';
    }
  });
  // .latest everywhere: a refetch must not suspend (and unmount) the screen.
  const refresh = () => setTick(tick() + 1);
  const summary = () => (typeof remote.latest === 'object' ? (remote.latest as SessionSummary) : undefined);
  const joinUrl = (code: string) => `${location.origin}/join/${code}`;

  return (
    <GuideShell title={local.latest?.session?.title ?? t('guide.title')} back>
      <Show when={local.latest?.session}>
        {(s) => (
          <>
            <SessionPrintHead session={s()} />
            <section class="guide-card session-code" data-testid="session-code-card">
              {/* An ended session takes no one: its code and QR are no longer shown. */}
              <Show
                when={!s().closed}
                fallback={<p class="notice" role="status" data-testid="session-closed"><strong>{t('guide.session.closed')}</strong></p>}
              >
                <div class="no-print">
                  <h2>{t('guide.session.code')}</h2>
                  <p class="big-code" data-testid="session-code" data-code={s().code}>{formatCode(s().code)}</p>
                  {/* Made on the phone from our own code: no network, no user input in the SVG. */}
                  <div class="qr" role="img" aria-label={t('guide.session.qrLabel', { code: s().code })} innerHTML={renderSVG(joinUrl(s().code))} />
                  <p class="muted">{t('guide.session.codeHint')}</p>
                </div>
              </Show>
              <p class="muted">{s().place} · {new Date(s().startsAt).toLocaleString()}</p>
              <Show when={remote.latest === 'not-synced'}>
                <p class="notice" role="status">{t('guide.session.notSynced')}</p>
              </Show>
              <Show when={!s().closed}>
                <ConfirmAction
                  testid="session-close"
                  label={t('guide.session.close')}
                  question={t('guide.session.closeAsk')}
                  yes={t('guide.session.closeYes')}
                  onConfirm={async () => {
                    await guide.repo.closeSession(guide.identity(), s().id);
                    void guide.syncNow();
                    refresh();
                  }}
                />
              </Show>
            </section>

            <section class="guide-card" data-testid="roster">
              <h2>{t('guide.session.roster')}</h2>
              <Show when={summary()} fallback={<p class="muted">{t('guide.session.rosterOffline')}</p>}>
                {(sum) => (
                  <>
                    <dl class="totals" data-testid="session-totals">
                      <For each={TOTALS}>
                        {(k) => (
                          <div>
                            <dt>{t(`guide.session.totals.${k}`)}</dt>
                            <dd data-testid={`total-${k}`}>{sum().totals[k]}</dd>
                          </div>
                        )}
                      </For>
                    </dl>
                    {/* Rows keyed by learner id: a refresh updates a row in place, so an
                      * open disclosure and its "done" message stay where the guide looks. */}
                    <ul class="guide-list">
                      <For each={sum().attendees.filter((a) => a.kind === 'self').map((a) => a.learnerId)}>
                        {(id) => {
                          const a = () => summary()?.attendees.find((x) => x.learnerId === id);
                          const code = formatLearnerCode(id);
                          return (
                            <li data-testid="attendee-self" data-learner-code={code}>
                              {t('guide.session.selfTag')} · <strong class="learner-code" data-testid="learner-code">{code}</strong> · {t('guide.session.lessonsDone', { count: a()?.lessonsCompleted ?? 0 })}
                              <Show when={a()?.isNew}> · <em>{t('guide.session.newTag')}</em></Show>
                              <LearnerActions learnerId={id} who={code} sessionId={s().id} courses={s().courses} assisted={false} onChange={refresh} />
                            </li>
                          );
                        }}
                      </For>
                    </ul>
                  </>
                )}
              </Show>
              <button type="button" class="button secondary" onClick={refresh} data-testid="roster-refresh">{t('guide.sync.now')}</button>
              <button type="button" class="button secondary" data-testid="session-print" onClick={() => window.print()}>{t('guide.session.print')}</button>
            </section>

            <section class="guide-card">
              <h2>{t('guide.assisted.list')}</h2>
              <ul class="guide-list">
                <For each={(local.latest?.assisted ?? []).map((a) => a.learnerId)}>
                  {(id) => {
                    const a = () => local.latest?.assisted.find((x) => x.learnerId === id);
                    const fromServer = () => summary()?.attendees.find((x) => x.learnerId === id);
                    return (
                      <li data-testid="attendee-assisted">
                        <strong>{a()?.name}</strong> ({a()?.birthYear}) · <em>{t('guide.session.assistedTag')}</em>
                        <Show when={fromServer()}>{(x) => <> · {t('guide.session.lessonsDone', { count: x().lessonsCompleted })}</>}</Show>
                        <LearnerActions learnerId={id} who={a()?.name ?? ''} sessionId={s().id} courses={s().courses} assisted onChange={refresh} />
                      </li>
                    );
                  }}
                </For>
              </ul>
            </section>
            <AssistedForm sessionId={s().id} groupId={s().groupId} onDone={refresh} />
          </>
        )}
      </Show>
    </GuideShell>
  );
}
