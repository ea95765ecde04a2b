import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ContentIndexCourse } from '../../../shared/content/schema.ts';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { ShareButton } from './share-button.tsx';

/** Under a course's progress: the certificate once every lesson is done, and sharing a direct link. */
export function CourseExtras(props: { course: ContentIndexCourse }) {
  const { progress } = useStores();
  const isDone = () => props.course.lessons.length > 0 && progress.doneCount(props.course.id) === props.course.lessons.length;
  return (
    <div class="course-extras">
      <Show when={isDone()}>
        <A href={`/certificates/${props.course.id}`} class="button" data-testid="course-certificate">
          ★ {t('homePlan.courseDone')}
        </A>
      </Show>
      <ShareButton url={`${location.origin}/courses/${props.course.id}`} title={props.course.title[language()]} text={t('share.courseText')} testId="share-course" />
    </div>
  );
}
