import { formatLearnerCode } from '../../../../shared/guide/learner-code.ts';
import { createResource, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { FollowUp } from '../../../../shared/guide/api.ts';
import { t } from '../../i18n/index.ts';
import { fetchOrCached } from '../cached-fetch.ts';
import { guideApi } from '../guide-api.ts';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';

type Row = FollowUp['notFinished'][number];

/** One residential group: who to visit. Offline, the last lists fetched are shown with their date. */
export default function GroupPage() {
  const guide = useGuide();
  const params = useParams<{ groupId: string }>();
  const [data] = createResource(
    () => (guide.me() ? params.groupId : false),
    (g) => fetchOrCached<FollowUp>(guide, `followUp:${g}`, () => guideApi.followUp(g)),
  );
  const name = () => guide.me()?.groups.find((g) => g.id === params.groupId)?.name ?? params.groupId;
  const who = (r: Row) => r.name ?? t('guide.session.selfLearner', { id: formatLearnerCode(r.learnerId) });
  const list = (rows: Row[], testId: string) => (
    <Show when={rows.length > 0} fallback={<p>{t('guide.group.none')}</p>}>
      <ul class="guide-list" data-testid={testId}>
        <For each={rows}>
          {(r) => (
            <li>
              <strong>{who(r)}</strong> · {t('guide.group.lastActive', { time: new Date(r.lastActivityAt).toLocaleDateString() })}
              <Show when={r.unfinishedCourses.length > 0}> · {r.unfinishedCourses.join(', ')}</Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );

  return (
    <GuideShell title={t('guide.followUp', { group: name() })} back>
      <nav class="guide-actions">
        <A href={`/guide/groups/${params.groupId}/households`} class="button secondary" data-testid="households-link">{t('guide.households.open')}</A>
      </nav>
      <Show when={data.latest} fallback={<p role="status">{t('app.loading')}</p>}>
        {(d) => (
          <Show when={d().value} fallback={<p class="notice" role="status">{t('guide.group.offline')}</p>}>
            {(follow) => (
              <>
                <Show when={!d().isFresh}>
                  <p class="muted" data-testid="follow-up-cached">{t('guide.households.cached', { time: new Date(d().at!).toLocaleString() })}</p>
                </Show>
                <h2>{t('guide.group.notFinished')}</h2>
                {list(follow().notFinished, 'follow-up-not-finished')}
                <h2>{t('guide.group.inactive')}</h2>
                {list(follow().inactive, 'follow-up-inactive')}
              </>
            )}
          </Show>
        )}
      </Show>
    </GuideShell>
  );
}
