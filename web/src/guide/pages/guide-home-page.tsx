import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../../i18n/index.ts';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';
import { formatCode } from '../code.ts';
import '../../account/account-strings.ts';

/** Guide mode's start screen: who is logged in, sessions on this phone, links. */
export default function GuideHomePage() {
  const guide = useGuide();
  const [sessions] = createResource(() => guide.pending() + (guide.me() ? 1 : 0), () => guide.repo.listSessions());
  return (
    <GuideShell title={t('guide.title')}>
      <Show when={guide.me()}>
        {(me) => (
          <section class="guide-card">
            <p>{t('guide.signedInAs', { name: me().user.displayName, team: t(`guide.team.${me().user.team}`) })}</p>
            <p class="muted">{t('guide.groups', { groups: me().groups.map((g) => g.name).join(', ') })}</p>
          </section>
        )}
      </Show>
      <nav class="guide-actions">
        <A href="/guide/sessions/new" class="button" data-testid="guide-new-session">{t('guide.newSession')}</A>
        <A href="/guide/report" class="button secondary" data-testid="guide-report-link">{t('guide.report')}</A>
        <A href="/guide/audio" class="button secondary" data-testid="guide-audio-link">{t('guide.audio.homeLink')}</A>
        <A href="/account/password" class="button secondary">{t('account.title')}</A>
        <For each={guide.me()?.groups ?? []}>
          {(g) => (
            <>
              <A href={`/guide/groups/${g.id}`} class="button secondary">{t('guide.followUp', { group: g.name })}</A>
              <A href={`/guide/groups/${g.id}/households`} class="button secondary">{t('guide.households.homeLink', { group: g.name })}</A>
            </>
          )}
        </For>
      </nav>
      <h2>{t('guide.sessions')}</h2>
      <Show when={(sessions.latest ?? []).length > 0} fallback={<p>{t('guide.noSessions')}</p>}>
        <ul class="guide-list">
          <For each={sessions.latest}>
            {(s) => (
              <li>
                <A href={`/guide/sessions/${s.id}`}>{s.title}</A>
                <span class="muted"> · {new Date(s.startsAt).toLocaleString()} · {s.closed ? t('guide.session.closed') : formatCode(s.code)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </GuideShell>
  );
}
