// Fills the lesson template (dist/first-screen.lesson.html, written by
// tools/first-screen) with one lesson's words, for the shell of a first visit
// to that lesson's address (server/shell-hints.ts). The words come from the
// build's own course file: titles and goals are text, the introduction and
// the sources are HTML compiled and sanitized at build time, as the app
// shows them.
import { slot, type LessonSlot } from '../shared/first-screen.ts';

export interface ChunkLesson {
  id: string;
  title: string;
  goal: string;
  minutes: number;
  intro?: string;
  steps: unknown[];
  sources: string[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function lessonFirstScreen(template: string, at: { courseId: string; courseTitle: string; lesson: ChunkLesson }): string {
  const { lesson } = at;
  const words: Record<LessonSlot, string> = {
    courseHref: `/courses/${encodeURIComponent(at.courseId)}`,
    courseTitle: escape(at.courseTitle),
    title: escape(lesson.title),
    goal: escape(lesson.goal),
    steps: String(lesson.steps.length),
    minutes: String(lesson.minutes),
    intro: lesson.intro ? `<div class="prose">${lesson.intro}</div>` : '',
    sources: lesson.sources.map((s) => `<li>${s}</li>`).join(''),
  };
  let html = template;
  for (const [name, value] of Object.entries(words)) html = html.split(slot(name as LessonSlot)).join(value);
  // The app shows no sources box for a lesson without sources.
  return lesson.sources.length > 0 ? html : html.replace(/<details class="sources">.*?<\/details>/s, '');
}
