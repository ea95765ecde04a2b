import { For, Show } from 'solid-js';
import type { StatsSummary } from '../../../shared/api.ts';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../stores/app-stores.tsx';

/** The ward summary as plain tables: printable, readable by screen readers. */
export function WardSummary(props: { summary: StatsSummary }) {
  const { content } = useStores();
  const lessonTitle = (courseId: string, lessonId: string) =>
    content.course(courseId)?.lessons.find((l) => l.id === lessonId)?.title[language()] ?? `${courseId} / ${lessonId}`;

  return (
    <div class="ward-summary" data-testid="ward-summary">
      <h2>{t('ward.summary')}</h2>
      <dl class="totals">
        <div>
          <dt>{t('ward.learners')}</dt>
          <dd data-testid="stat-learners">{props.summary.learners}</dd>
        </div>
        <div>
          <dt>{t('ward.completions')}</dt>
          <dd data-testid="stat-completions">{props.summary.completions}</dd>
        </div>
      </dl>

      <h3>{t('ward.perLesson')}</h3>
      <Show when={props.summary.perLesson.length > 0} fallback={<p>{t('ward.noData')}</p>}>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ward.lesson')}</th>
                <th scope="col" class="num">{t('ward.completions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.summary.perLesson}>
                {(row) => (
                  <tr>
                    <td>{lessonTitle(row.courseId, row.lessonId)}</td>
                    <td class="num">{row.completions}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <h3>{t('ward.perDay')}</h3>
      <Show when={props.summary.perDay.length > 0} fallback={<p>{t('ward.noData')}</p>}>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ward.day')}</th>
                <th scope="col" class="num">{t('ward.completions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.summary.perDay}>
                {(row) => (
                  <tr>
                    <td>{row.day}</td>
                    <td class="num">{row.completions}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
