// The resident addresses read outside the router: the app preloads a screen's
// code and course before its first render, and the server names them in the
// shell it sends (server/shell-hints.ts). One reading for both, so they agree.
export type ResidentScreen = { screen: 'course'; courseId: string } | { screen: 'lesson'; courseId: string; lessonId: string };

const LESSON = /^\/courses\/([^/]+)\/lessons\/([^/]+)\/?$/;
const COURSE = /^\/courses\/([^/]+)\/?$/;

/** A segment as written when it cannot be decoded (a link cut mid-character): it then matches no course. */
function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The course or lesson screen at a path, or undefined for any other address. */
export function residentScreenAt(pathname: string): ResidentScreen | undefined {
  const lesson = LESSON.exec(pathname);
  if (lesson) return { screen: 'lesson', courseId: decodeSegment(lesson[1]), lessonId: decodeSegment(lesson[2]) };
  const course = COURSE.exec(pathname);
  if (course) return { screen: 'course', courseId: decodeSegment(course[1]) };
  return undefined;
}

/** The screen listing the channels the ward office entered (portal, Zalo OA, page, hotline). */
export const WARD_CHANNELS_PATH = '/channels';

/** The app's own screens a lesson may link to (a lesson's other links must be http(s)). */
export const LESSON_APP_LINKS: readonly string[] = [WARD_CHANNELS_PATH];
