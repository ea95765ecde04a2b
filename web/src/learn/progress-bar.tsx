import { t } from '../i18n/index.ts';

/** A native <progress> is announced by screen readers; the text repeats it for everyone. */
export function ProgressBar(props: { done: number; total: number }) {
  return (
    <div class="progress">
      <progress max={Math.max(props.total, 1)} value={props.done} aria-label={t('home.progressLabel')} />
      <span>{t('home.lessonsDone', { done: props.done, total: props.total })}</span>
    </div>
  );
}
