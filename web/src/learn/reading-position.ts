/**
 * Where a resident stopped reading a lesson, kept on the phone so that
 * reopening the lesson (after a call, or the next day) resumes at that screen
 * instead of the goal. Cleared when the lesson is finished. Kept per phone,
 * like the text size: it holds only a screen number, never an answer.
 */
const PREFIX = 'hvs.reading:';

export function savedReadingPosition(lessonKey: string): number {
  try {
    const n = Number(localStorage.getItem(PREFIX + lessonKey));
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export function saveReadingPosition(lessonKey: string, position: number): void {
  try {
    if (position > 0) localStorage.setItem(PREFIX + lessonKey, String(position));
    else localStorage.removeItem(PREFIX + lessonKey);
  } catch {
    // Private mode or a full disk: resuming is a convenience, never a blocker.
  }
}
