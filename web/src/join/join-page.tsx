import { createSignal, For, lazy, onMount, Show, Suspense } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { hasSessionCodeCheck, SESSION_CODE_PATTERN } from '../../../shared/guide/constants.ts';
import type { PublicSession } from '../../../shared/guide/api.ts';
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/join.json';
import en from '../i18n/en/lazy/join.json';
import { language, t } from '../i18n/index.ts';
import { formatLearnerCode } from '../../../shared/guide/learner-code.ts';
import { errorMessage, type ErrorKeys } from '../net/error-message.ts';
import { request } from '../net/http.ts';
import { useStores } from '../app/app-stores.tsx';
import { LearnerBadge } from '../learn/learner-badge.tsx';
import { joinSession, currentLearnerId } from './join-repo.ts';
import { normalizeCode } from '../guide/code.ts';
import { householdFrom, sessionCodeFrom } from '../scan/scan-targets.ts';
import '../styles/guide.css';

registerStrings('join', { vi, en });
// The camera scanner and its decoder load only when this screen opens.
const QrScanner = lazy(() => import('../scan/qr-scanner.tsx'));

/** courses: the session's, when the phone could look the code up. */
type Joined = { kind: 'joined' | 'already' | 'offline' | 'pending'; title: string | null; courses: string[]; learnerId: string };
type Outcome = Joined | { kind: 'problem'; key: string };

// Too many wrong codes stop here. No answer, or any other failure, checks in
// anyway: the ward server confirms when the phone syncs. A code the server
// does not know yet but whose check character is right was most likely made
// on a guide's phone that has not synced (a session created without signal):
// the check-in is kept and counted once the guide's records arrive.
const CHECK_IN_ANYWAY = 'join.offline';
const NOT_SYNCED_YET = 'join.pending';
const LOOK_UP_ERRORS: ErrorKeys = {
  offline: CHECK_IN_ANYWAY,
  failed: CHECK_IN_ANYWAY,
  byStatus: { 404: NOT_SYNCED_YET, 429: 'join.problem.tooMany' },
};

/** "Tham gia buổi học": type the code, or arrive here from the session's QR (/join/<code>). */
export default function JoinPage() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const { sync } = useStores();
  const [typed, setTyped] = createSignal(params.code ?? '');
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function join(raw: string, method: 'qr' | 'code') {
    const code = normalizeCode(raw);
    if (!SESSION_CODE_PATTERN.test(code)) return setOutcome({ kind: 'problem', key: 'join.problem.badCode' });
    // A wrong check character is a misheard or mistyped letter, not a session
    // that is not synced yet; only the server can still vouch for it (codes
    // made before the check character existed).
    const checked = hasSessionCodeCheck(code);
    setBusy(true);
    try {
      let title: string | null = null;
      let courses: string[] = [];
      let endsAt: string | null = null;
      let unconfirmed: 'offline' | 'pending' | null = null;
      try {
        const s = await request<PublicSession>(`/api/v1/sessions/${code}`);
        if (s.state !== 'open') return setOutcome({ kind: 'problem', key: 'join.problem.closed' });
        title = s.title;
        courses = s.courses;
        endsAt = s.endsAt;
      } catch (err) {
        const { key } = errorMessage(err, LOOK_UP_ERRORS);
        if (!checked && key !== 'join.problem.tooMany') return setOutcome({ kind: 'problem', key: 'join.problem.mistyped' });
        if (key === CHECK_IN_ANYWAY) unconfirmed = 'offline';
        else if (key === NOT_SYNCED_YET) unconfirmed = 'pending';
        else return setOutcome({ kind: 'problem', key });
      }
      const added = await joinSession(code, method, title, new Date(), endsAt);
      if (added) void sync.syncNow();
      setOutcome({ kind: !added ? 'already' : (unconfirmed ?? 'joined'), title, courses, learnerId: await currentLearnerId() });
    } finally {
      setBusy(false);
    }
  }

  onMount(() => {
    if (params.code) void join(params.code, 'qr');
  });

  return (
    <div class="guide join">
      {/* Joining counts this phone's current learner: say who that is. */}
      <LearnerBadge />
      <h1>{t('join.title')}</h1>
      {/* Under the heading, where the eye is; brought into view and focused on
       * every new outcome, so nobody taps "Tham gia" again thinking it failed.
       * keyed: a new outcome re-renders the whole message. */}
      <Show when={outcome()} keyed>
        {(v) =>
          v.kind === 'problem' ? (
            <p class="notice" role="alert" tabindex="-1" ref={bringIntoView} data-testid="join-problem">{t(v.key)}</p>
          ) : (
            <JoinedCard joined={v} />
          )
        }
      </Show>
      <Suspense>
        <QrScanner
          onResult={(text) => {
            const code = sessionCodeFrom(text);
            // A household QR scanned here goes to its own screen.
            const household = code ? null : householdFrom(text);
            if (household) navigate(`/household/${household.householdId}#${encodeURIComponent(household.label)}`);
            if (!code) return household !== null;
            setTyped(code);
            void join(code, 'qr');
            return true;
          }}
        />
      </Suspense>
      <form class="guide-card guide-form" onSubmit={(e) => { e.preventDefault(); void join(typed(), 'code'); }}>
        <label>
          {t('join.codeLabel')}
          <input name="code" class="code-input" autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength="12" required value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="join-code" />
        </label>
        <p class="muted">{t('join.hint')}</p>
        <button type="submit" class="button" disabled={busy()} data-testid="join-submit">{t('join.submit')}</button>
      </form>
      <p><A href="/household" data-testid="household-entry">{t('join.household')}</A></p>
    </div>
  );
}

function bringIntoView(el: HTMLElement) {
  queueMicrotask(() => {
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  });
}

/** "You joined": the learner's code to read out to the guide, and the way to
 * the session's own courses (home when the phone could not look them up). */
function JoinedCard(props: { joined: Joined }) {
  const navigate = useNavigate();
  const { content } = useStores();
  const courses = () => content.courses().filter((c) => props.joined.courses.includes(c.id));
  return (
    <div class="guide-card join-result" role="status" tabindex="-1" ref={bringIntoView} data-testid="join-result" data-kind={props.joined.kind}>
      <p><strong>{t(`join.${props.joined.kind}`)}</strong></p>
      <Show when={props.joined.title}><p>{props.joined.title}</p></Show>
      <p class="join-learner-code">
        {t('join.yourCode')} <strong class="big-label" data-testid="join-learner-code">{formatLearnerCode(props.joined.learnerId)}</strong>
      </p>
      <p class="muted">{t('join.yourCodeHint')}</p>
      <Show when={courses().length > 0} fallback={<button type="button" class="button" data-testid="join-start" onClick={() => navigate('/')}>{t('join.toCourses')}</button>}>
        <Show when={courses().length > 1} fallback={<A href={`/courses/${courses()[0].id}`} class="button" data-testid="join-start">{t('join.toCourses')}</A>}>
          <p>{t('join.sessionCourses')}</p>
          <ul class="guide-list">
            <For each={courses()}>{(c) => <li><A href={`/courses/${c.id}`} data-testid="join-course">{c.title[language()]}</A></li>}</For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
