import { describe, expect, it } from 'vitest';
import { addressBurst, completionRules, DEFAULT_PLAUSIBILITY, deviceCrowded, guidedRecordRules, shortestLessonSeconds } from './plausibility.ts';

describe('plausibility rules', () => {
  it('a lesson is too fast under a fifth of its minutes, and never under the floor', () => {
    expect(shortestLessonSeconds(10)).toBe(120);
    expect(shortestLessonSeconds(1)).toBe(DEFAULT_PLAUSIBILITY.minLessonSeconds);
    expect(shortestLessonSeconds(undefined)).toBe(30);
    expect(completionRules({ durationSec: 0, lessonMinutes: 5, completionsInHour: 1 })).toEqual(['too-fast']);
    expect(completionRules({ durationSec: 59, lessonMinutes: 5, completionsInHour: 1 })).toEqual(['too-fast']);
    expect(completionRules({ durationSec: 60, lessonMinutes: 5, completionsInHour: 1 })).toEqual([]);
  });
  it('counts lessons per hour past the limit only', () => {
    expect(completionRules({ durationSec: 300, lessonMinutes: 5, completionsInHour: 12 })).toEqual([]);
    expect(completionRules({ durationSec: 300, lessonMinutes: 5, completionsInHour: 13 })).toEqual(['lessons-per-hour']);
    expect(completionRules({ durationSec: 0, lessonMinutes: 5, completionsInHour: 13 })).toEqual(['too-fast', 'lessons-per-hour']);
  });
  it('a phone holds eight learners, an address ten registrations in the window', () => {
    expect(deviceCrowded(7)).toBe(false);
    expect(deviceCrowded(8)).toBe(true);
    expect(addressBurst(10)).toBe(false);
    expect(addressBurst(11)).toBe(true);
  });

  const H = 3_600_000;
  const session = { startsAt: 10 * H, endsAt: 11.5 * H }; // 90 minutes
  it("a guide's lessons for one learner must fit in the session plus an hour, at a fifth of each lesson's minutes", () => {
    // 5-minute lessons take at least 60 s: a 90-minute session with an hour's slack holds 150.
    const fives = (n: number) => Array.from({ length: n }, () => 5);
    expect(guidedRecordRules({ at: 11 * H, session, lessonMinutes: fives(150), learnersInHour: 1 })).toEqual([]);
    expect(guidedRecordRules({ at: 11 * H, session, lessonMinutes: fives(151), learnersInHour: 1 })).toEqual(['guided-lessons-per-learner']);
    // Without a session: an hour of them within one hour of the guide's clock (60 lessons of 5 minutes).
    expect(guidedRecordRules({ at: 11 * H, session: undefined, lessonMinutes: fives(60), learnersInHour: 1 })).toEqual([]);
    expect(guidedRecordRules({ at: 11 * H, session: undefined, lessonMinutes: fives(61), learnersInHour: 1 })).toEqual(['guided-lessons-per-learner']);
    // An outcome has no lessons.
    expect(guidedRecordRules({ at: 11 * H, session, learnersInHour: 1 })).toEqual([]);
  });
  it('a guide records at most 40 learners an hour', () => {
    expect(guidedRecordRules({ at: 11 * H, session: undefined, learnersInHour: 40 })).toEqual([]);
    expect(guidedRecordRules({ at: 11 * H, session: undefined, learnersInHour: 41 })).toEqual(['guided-learners-per-hour']);
  });
  it('a record naming a session is made from an hour before it to a day after it', () => {
    const rules = (at: number) => guidedRecordRules({ at, session, learnersInHour: 1 });
    expect(rules(9 * H)).toEqual([]);
    expect(rules(9 * H - 1)).toEqual(['outside-session']);
    expect(rules(11.5 * H + 24 * H)).toEqual([]);
    expect(rules(11.5 * H + 24 * H + 1)).toEqual(['outside-session']);
  });
});
