import { createResource, Show } from 'solid-js';
import type { WardProfile } from '../../../../shared/api.ts';
import { language, t } from '../../i18n/index.ts';
import type { LocalSession } from '../db.ts';
import { fetchOrCached } from '../cached-fetch.ts';
import { guideApi } from '../guide-api.ts';
import { useGuide } from '../guide-store.ts';

/** The printed summary's heading: which ward, who ran the session, for which
 * group and team, and when it was printed. Only on paper (and its PDF). */
export function SessionPrintHead(props: { session: LocalSession }) {
  const guide = useGuide();
  // Asked again after each sync: a page opened without signal gets the name once there is some.
  const [ward] = createResource(() => guide.lastSyncedAt() ?? 'never', () => fetchOrCached<WardProfile>(guide, 'ward', guideApi.ward));
  const locale = () => (language() === 'vi' ? 'vi-VN' : 'en-GB');
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale(), { day: '2-digit', month: '2-digit', year: 'numeric' });
  const when = (iso: string) => `${new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' })} ${date(iso)}`;
  const group = () => guide.me()?.groups.find((g) => g.id === props.session.groupId)?.name ?? props.session.groupId;
  return (
    <header class="print-only session-print-head" data-testid="session-print-head">
      <Show when={ward.latest?.value?.name}>{(name) => <p class="print-ward">{name()}</p>}</Show>
      <h2>{t('guide.session.summary')}</h2>
      <dl>
        <div><dt>{t('guide.form.title')}</dt><dd>{props.session.title}</dd></div>
        <div><dt>{t('guide.form.place')}</dt><dd>{props.session.place}</dd></div>
        <div><dt>{t('guide.form.startsAt')}</dt><dd>{when(props.session.startsAt)}</dd></div>
        <div><dt>{t('guide.printHead.guide')}</dt><dd>{guide.me()?.user.displayName}</dd></div>
        <div><dt>{t('guide.printHead.team')}</dt><dd>{guide.me()?.user.team ? t(`guide.team.${guide.me()!.user.team}`) : ''}</dd></div>
        <div><dt>{t('guide.form.group')}</dt><dd>{group()}</dd></div>
        <div><dt>{t('guide.printHead.printed')}</dt><dd>{date(new Date().toISOString())}</dd></div>
      </dl>
    </header>
  );
}
