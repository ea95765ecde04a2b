import { createResource, createSignal, For, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { t } from '../../i18n/index.ts';
import { HouseholdCard } from '../components/household-card.tsx';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';
import { loadHouseholdView, type HouseholdRow } from '../household-view.ts';
import '../../styles/guide-households.css';

/** Households of one residential group (offline too): which have nobody yet
 * who finished the five basic skills, adding a household, linking learners
 * and showing the household QR. */
export default function HouseholdsPage() {
  const guide = useGuide();
  const params = useParams<{ groupId: string }>();
  const [tick, setTick] = createSignal(0);
  const [view] = createResource(() => (guide.me() ? [params.groupId, tick()] as const : false), ([g]) => loadHouseholdView(guide, g));
  const refresh = () => setTick(tick() + 1);
  const name = () => guide.me()?.groups.find((g) => g.id === params.groupId)?.name ?? params.groupId;
  const isAssigned = () => guide.me()?.groups.some((g) => g.id === params.groupId) ?? false;
  const [houseNo, setHouseNo] = createSignal('');
  const [lane, setLane] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const rows = (status: HouseholdRow['status']) => (view.latest?.rows ?? []).filter((r) => r.status === status);

  async function add(e: Event) {
    e.preventDefault();
    const label = [houseNo().trim(), lane().trim()].filter(Boolean).join(', ');
    if (!houseNo().trim()) return setProblem('houseNoRequired');
    if (label.length > 80) return setProblem('tooLong');
    const same = (s: string) => s.toLocaleLowerCase('vi').replace(/\s+/g, ' ');
    if ((view.latest?.rows ?? []).some((r) => same(r.label) === same(label))) return setProblem('duplicate');
    setProblem('');
    await guide.repo.createHousehold(guide.identity(), { groupId: params.groupId, label });
    setHouseNo('');
    setLane('');
    refresh();
  }

  const list = (status: HouseholdRow['status'], testId: string) => (
    <ul class="guide-list" data-testid={testId}>
      <For each={rows(status)}>
        {(r) => (
          <HouseholdCard
            row={r}
            candidates={view.latest?.candidates ?? []}
            onLink={async (learnerId) => {
              await guide.repo.linkToHousehold(guide.identity(), { id: r.id, groupId: params.groupId, label: r.label }, learnerId);
              refresh();
            }}
          />
        )}
      </For>
    </ul>
  );

  return (
    <GuideShell title={t('guide.households.title', { group: name() })} back>
      <Show when={isAssigned()} fallback={<p class="notice" role="alert">{t('guide.households.notAssigned')}</p>}>
        <form class="guide-card guide-form" onSubmit={(e) => void add(e)} data-testid="household-form">
          <h2>{t('guide.households.add')}</h2>
          <p class="muted">{t('guide.households.addHint')}</p>
          <label>
            {t('guide.households.houseNo')}
            <input name="houseNo" autocomplete="off" maxlength="30" placeholder={t('guide.households.houseNoExample')} value={houseNo()} onInput={(e) => setHouseNo(e.currentTarget.value)} data-testid="household-house-no" />
          </label>
          <label>
            {t('guide.households.lane')}
            <input name="lane" autocomplete="off" maxlength="48" placeholder={t('guide.households.laneExample')} value={lane()} onInput={(e) => setLane(e.currentTarget.value)} data-testid="household-lane" />
          </label>
          <Show when={problem()}>
            <p class="notice" role="alert">{t(`guide.households.problem.${problem()}`)}</p>
          </Show>
          <button type="submit" class="button" data-testid="household-add">{t('guide.households.addButton')}</button>
        </form>
        <Show when={view.latest} fallback={<p role="status">{t('app.loading')}</p>}>
          {(v) => (
            <>
              <p class="muted" data-testid="households-freshness">
                {v().isFresh
                  ? t('guide.households.fresh')
                  : v().fetchedAt
                    ? t('guide.households.cached', { time: new Date(v().fetchedAt!).toLocaleString() })
                    : t('guide.households.neverFetched')}
              </p>
              <section class="guide-card">
                <h2>{t('guide.households.notCoveredTitle')}</h2>
                <Show when={rows('notCovered').length + rows('covered').length > 0} fallback={<Show when={rows('unsynced').length === 0}><p class="muted">{t('guide.households.none')}</p></Show>}>
                  <p data-testid="households-summary">{t('guide.households.summary', { count: rows('notCovered').length, total: rows('notCovered').length + rows('covered').length })}</p>
                </Show>
                <Show when={rows('notCovered').length > 0}>
                  {list('notCovered', 'households-not-covered')}
                </Show>
              </section>
              <Show when={rows('unsynced').length > 0}>
                <section class="guide-card">
                  <h2>{t('guide.households.unsyncedTitle')}</h2>
                  <p class="muted">{t('guide.households.unsyncedHint')}</p>
                  {list('unsynced', 'households-unsynced')}
                </section>
              </Show>
              <Show when={rows('covered').length > 0}>
                <section class="guide-card">
                  <h2>{t('guide.households.coveredTitle')}</h2>
                  {list('covered', 'households-covered')}
                </section>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </GuideShell>
  );
}
