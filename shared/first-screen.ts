// The home screen's first view, and a lesson's first screen, as static HTML
// for a first visit's shell. Written at build time (tools/first-screen) and
// put inside <div id="app"> by the server (server/shell-hints.ts) for "/" and
// for a lesson's address, so a first visit (a link shared on Zalo, a QR code)
// paints the header and the words as soon as the HTML and the stylesheet
// arrive, not after the app's script has downloaded and run on a slow phone.
// The app replaces it with the same thing when it starts.
export const FIRST_SCREEN_FILE = 'first-screen.html';
/** A lesson's goal-and-introduction screen, with `<!--hvs:…-->` slots for its words. */
export const FIRST_LESSON_FILE = 'first-screen.lesson.html';
/** A course's page and one lesson row, with slots (`CourseTemplates` as JSON). */
export const FIRST_COURSE_FILE = 'first-screen.course.json';
/** Starts the app's entry once that HTML has painted (web/public/first-screen.js, put in the page inline). */
export const FIRST_SCREEN_SCRIPT = 'first-screen.js';

/** Where a lesson's own words go in the lesson template (filled by server/first-lesson.ts). */
export const LESSON_SLOTS = ['courseHref', 'courseTitle', 'title', 'goal', 'steps', 'minutes', 'intro', 'sources'] as const;
export type LessonSlot = (typeof LESSON_SLOTS)[number];
export const slot = (name: LessonSlot) => `<!--hvs:${name}-->`;

/** Where a course's words go in the course templates (filled by server/first-course.ts). */
export const COURSE_SLOTS = ['courseTitle', 'skill', 'summary', 'total', 'lessons', 'href', 'testid', 'n', 'title', 'minutes'] as const;
export type CourseSlot = (typeof COURSE_SLOTS)[number];
export const courseSlot = (name: CourseSlot) => `<!--hvs:${name}-->`;
export interface CourseTemplates {
  page: string;
  /** One row of the lesson list. */
  item: string;
}
