import { createResource, For, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { FollowUp, HouseholdList } from '../../../../shared/guide/api.ts';
import { t } from '../../i18n/index.ts';
import { guideApi } from '../guide-api.ts';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';

type Row = FollowUp['notFinished'][number];

/** One residential group: who to visit, and households nobody has finished the five skills in. */
export default function GroupPage() {
  const guide = useGuide();
  const params = useParams<{ groupId: string }>();
  const [data] = createResource(
    () => params.groupId,
    async (g): Promise<{ follow: FollowUp; homes: HouseholdList } | null> => {
      try {
        return { follow: await guideApi.followUp(g), homes: await guideApi.households(g) };
      } catch {
        return null;
      }
    },
  );
  const name = () => guide.me()?.groups.find((g) => g.id === params.groupId)?.name ?? params.groupId;
  const who = (r: Row) => r.name ?? t('guide.session.selfLearner', { id: r.learnerId.slice(-4) });
  const list = (rows: Row[]) => (
    <Show when={rows.length > 0} fallback={<p>{t('guide.group.none')}</p>}>
      <ul class="guide-list">
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
      <Show when={data.latest !== undefined} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show when={data.latest} fallback={<p class="notice" role="status">{t('guide.group.offline')}</p>}>
          {(d) => (
            <>
              <h2>{t('guide.group.notFinished')}</h2>
              {list(d().follow.notFinished)}
              <h2>{t('guide.group.inactive')}</h2>
              {list(d().follow.inactive)}
              <h2>{t('guide.group.households')}</h2>
              <Show when={d().homes.households.length > 0} fallback={<p>{t('guide.group.none')}</p>}>
                <ul class="guide-list">
                  <For each={d().homes.households}>
                    {(h) => (
                      <li>
                        <strong>{h.label}</strong> · {t('guide.group.members', { count: h.members })} ·{' '}
                        {h.covered ? `✓ ${t('guide.group.covered')}` : `✗ ${t('guide.group.notCovered')}`}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </GuideShell>
  );
}
