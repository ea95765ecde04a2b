// Writes dist/first-screen.html, dist/first-screen.lesson.html and
// dist/first-screen.course.json: the home screen's first view, and a lesson's
// first screen and a course's page with slots for their words,
// as static HTML (tools/first-screen/markup.ts), in the default language,
// from the same string files and icon the app uses. The server puts them in
// the shell it sends for "/", a lesson's and a course's address (server/shell-hints.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { FIRST_COURSE_FILE, FIRST_LESSON_FILE, FIRST_SCREEN_FILE } from '../../shared/first-screen.ts';
import { DEFAULT_LANGUAGE } from '../../shared/skills.ts';
import { firstCourseMarkup, firstLessonMarkup, firstScreenMarkup } from './markup.ts';

const NAMESPACES = ['app', 'home', 'welcome', 'settings', 'language', 'lesson', 'course', 'share'];

export function firstScreenPlugin(webDir: string): Plugin {
  return {
    name: 'hvs-first-screen',
    apply: 'build',
    generateBundle() {
      const strings = Object.fromEntries(
        NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(webDir, 'src/i18n', DEFAULT_LANGUAGE, `${ns}.json`), 'utf8'))]),
      );
      const icon = readFileSync(join(webDir, 'public/icons/icon.svg'), 'utf8');
      this.emitFile({ type: 'asset', fileName: FIRST_SCREEN_FILE, source: firstScreenMarkup(strings, icon) });
      this.emitFile({ type: 'asset', fileName: FIRST_LESSON_FILE, source: firstLessonMarkup(strings, icon) });
      this.emitFile({ type: 'asset', fileName: FIRST_COURSE_FILE, source: JSON.stringify(firstCourseMarkup(strings, icon)) });
    },
  };
}
