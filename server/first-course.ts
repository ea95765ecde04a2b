// Fills the course templates (dist/first-screen.course.json, written by
// tools/first-screen) with one course of the build's catalog, for the shell
// of a first visit to that course's address — where a poster's QR code
// leads (server/shell-hints.ts). The words come from the catalog the app
// reads (content/index.json) and the skill names it shows (shared/labels),
// in the default language, escaped.
import { courseSlot, type CourseSlot, type CourseTemplates } from '../shared/first-screen.ts';
import { labelOf } from '../shared/labels.ts';
import type { Language } from '../shared/skills.ts';

export interface IndexCourse {
  id: string;
  skill: string;
  title: Record<string, string>;
  summary?: Record<string, string>;
  lessons: { id: string; title?: Record<string, string>; minutes?: number }[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fill = (template: string, words: Partial<Record<CourseSlot, string>>) =>
  Object.entries(words).reduce((html, [name, value]) => html.split(courseSlot(name as CourseSlot)).join(value), template);

export function courseFirstScreen(templates: CourseTemplates, course: IndexCourse, language: Language): string {
  const base = `/courses/${encodeURIComponent(course.id)}`;
  const lessons = course.lessons
    .map((lesson, i) =>
      fill(templates.item, {
        href: `${base}/lessons/${encodeURIComponent(lesson.id)}`,
        testid: escape(`lesson-${lesson.id}`),
        n: String(i + 1),
        title: escape(lesson.title?.[language] ?? lesson.id),
        minutes: String(lesson.minutes ?? ''),
      }),
    )
    .join('');
  return fill(templates.page, {
    courseTitle: escape(course.title[language] ?? course.id),
    // The skill's name as the app shows it (shared/labels, web/src/learn/skill-name.ts).
    skill: escape(labelOf(language, 'skill', course.skill)),
    summary: escape(course.summary?.[language] ?? ''),
    total: String(course.lessons.length),
    lessons,
  });
}
