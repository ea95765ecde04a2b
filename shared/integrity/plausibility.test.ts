import { describe, expect, it } from 'vitest';
import { addressBurst, completionRules, DEFAULT_PLAUSIBILITY, deviceCrowded, shortestLessonSeconds } from './plausibility.ts';

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
});
