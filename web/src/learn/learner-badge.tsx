import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';

/** "Đang học: Bà Tư · Đổi người học", on a phone shared by a family (two profiles or more). */
export function LearnerBadge() {
  const { learner } = useStores();
  const shown = () => {
    const l = learner.current();
    return l && l.count > 1 ? l : null;
  };
  return (
    <Show when={shown()}>
      {(l) => (
        <p class="learner-badge" data-testid="learner-now">
          <span>{t('learner.now')}</span> <strong data-testid="learner-name">{l().name ?? t('learner.unnamed', { n: l().position })}</strong>{' '}
          <a href="/profiles">{t('learner.change')}</a>
        </p>
      )}
    </Show>
  );
}
