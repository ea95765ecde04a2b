// A learner's short code: six characters the resident reads out from the join
// screen or the profile, and the guide finds on the session's roster. It is
// derived from the learner id (no new record, same on every phone and the
// server), from the id's last 48 bits, which are random in both UUID v7 and
// v4. The session-code alphabet has no look-alikes; 25^6 ≈ 244 million codes
// make two people with the same code in one session (a few dozen people)
// about a one-in-100,000 event.
import { SESSION_CODE_ALPHABET } from './constants.ts';

export const LEARNER_CODE_LENGTH = 6;

export function learnerCode(learnerId: string): string {
  const tail = learnerId.replace(/-/g, '').slice(-12);
  // 48 bits fit a double exactly.
  let n = Number.parseInt(tail, 16) || 0;
  let code = '';
  for (let i = 0; i < LEARNER_CODE_LENGTH; i++) {
    code += SESSION_CODE_ALPHABET[n % SESSION_CODE_ALPHABET.length];
    n = Math.floor(n / SESSION_CODE_ALPHABET.length);
  }
  return code;
}

/** "ACD4F7" → "ACD 4F7": two groups of three, read aloud in two breaths. */
export const formatLearnerCode = (learnerId: string) => {
  const code = learnerCode(learnerId);
  return `${code.slice(0, 3)} ${code.slice(3)}`;
};
