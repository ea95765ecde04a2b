import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids.ts';
import { SESSION_CODE_ALPHABET } from './constants.ts';
import { formatLearnerCode, learnerCode } from './learner-code.ts';

describe('learner codes', () => {
  it('are six characters without look-alikes, the same every time for one learner', () => {
    const id = uuidv7();
    expect(learnerCode(id)).toMatch(new RegExp(`^[${SESSION_CODE_ALPHABET}]{6}$`));
    expect(learnerCode(id)).toBe(learnerCode(id));
    expect(formatLearnerCode(id)).toMatch(/^\S{3} \S{3}$/);
  });

  it('differ for learners who joined in the same millisecond (the random part, not the time)', () => {
    const now = Date.now();
    const codes = new Set(Array.from({ length: 2000 }, () => learnerCode(uuidv7(now))));
    // 2,000 learners at once: a clash among 244 million codes would be a one-in-100 event.
    expect(codes.size).toBeGreaterThanOrEqual(1999);
  });

  it('do not depend on the last four characters alone, as the old roster label did', () => {
    expect(learnerCode('01a2419d-47c0-7000-8000-07263871ecff')).not.toBe(learnerCode('01a2419d-47c0-7000-8000-17263871ecff'));
  });
});
