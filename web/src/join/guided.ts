// Whether a learner on this phone is in a guide's session right now: then a
// lesson's quiz keeps its first phrasing and authored order, so the guide can
// say "question 2, answer B" to the whole room (learn/quiz-order.ts). A
// joined session counts until its planned end when the phone could look it
// up, else for GUIDED_WINDOW_MS after joining (a session joined offline).
import type { JoinedSession } from './join-repo.ts';

export const GUIDED_WINDOW_MS = 3 * 3_600_000;

export function inGuidedSession(joined: readonly JoinedSession[], now: number): boolean {
  return joined.some((j) => {
    const from = Date.parse(j.joinedAt);
    if (!(now >= from)) return false;
    const until = j.endsAt ? Date.parse(j.endsAt) : from + GUIDED_WINDOW_MS;
    return now <= until;
  });
}
