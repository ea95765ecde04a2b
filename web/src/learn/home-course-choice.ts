// Which courses home lists before "all courses" is tapped: home was one card
// per course (8.8 screens at 360 px with 16 courses), too long to find the
// way on. It shows the first courses of the catalogue (the basics, in the
// order the catalogue teaches them) and, further down the catalogue, any
// course the resident has started; "all courses" shows every one, and stays
// open for the rest of the visit.
export const COURSES_SHOWN_FIRST = 5;

const ALL_KEY = 'hvs.allCourses';

export function coursesOnHome<T extends { id: string }>(courses: readonly T[], started: (id: string) => boolean, showAll: boolean): T[] {
  if (showAll) return [...courses];
  return courses.filter((c, i) => i < COURSES_SHOWN_FIRST || started(c.id));
}

export function wasAllShown(): boolean {
  try {
    return sessionStorage.getItem(ALL_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberAllShown(): void {
  try {
    sessionStorage.setItem(ALL_KEY, '1');
  } catch {
    // Only for this screen, then.
  }
}
