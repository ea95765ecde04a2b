// Plausibility rules for records made on a resident's phone alone. A record
// that breaks one is kept but counts in no figure until a reviewer accepts it
// (server/integrity). The thresholds are planning figures, not measurements:
// each is set past what a real resident does, so that a false alarm costs a
// reviewer a look, while a script reporting lessons in seconds, or one
// phone or address making dozens of learners, is held. zod-free: the
// reviewer's screen shows the same thresholds.

export const PLAUSIBILITY_RULES = ['too-fast', 'lessons-per-hour', 'learners-per-device', 'registrations-per-address'] as const;
export type PlausibilityRule = (typeof PLAUSIBILITY_RULES)[number];

/** Rules about one record; the others put the learner under review. */
export const RECORD_RULES: readonly PlausibilityRule[] = ['too-fast', 'lessons-per-hour'];

export interface PlausibilityLimits {
  /** A lesson's author gives its minutes (course files, `minutes:`); finishing it in under this
   * share of them is faster than reading it (courses:check estimates reading at 120 words a
   * minute, a slow reader; a fluent one reads about twice as fast, so a fifth leaves room). */
  minShareOfLessonTime: number;
  /** Whatever the lesson: under this many seconds nobody reads its steps and answers its quiz. */
  minLessonSeconds: number;
  /** Completions by one learner within one hour of the phone's clock; lessons take minutes each. */
  maxLessonsPerHour: number;
  /** Learners on one phone: a family phone keeps one profile per person; more is a script or a
   * shared tablet, which a reviewer can accept. */
  maxLearnersPerDevice: number;
  /** Registrations from one network address within the window. A whole ward may share a
   * carrier's address, so this is set past a guided session's arrivals. */
  maxRegistrationsPerAddress: number;
  registrationWindowMs: number;
}

export const DEFAULT_PLAUSIBILITY: PlausibilityLimits = {
  minShareOfLessonTime: 0.2,
  minLessonSeconds: 30,
  maxLessonsPerHour: 12,
  maxLearnersPerDevice: 8,
  maxRegistrationsPerAddress: 10,
  registrationWindowMs: 10 * 60_000,
};

export const HOUR_MS = 3_600_000;

/** The shortest believable time for a lesson its author gives `minutes` to (unknown: the floor only). */
export function shortestLessonSeconds(minutes: number | undefined, limits: PlausibilityLimits = DEFAULT_PLAUSIBILITY): number {
  const share = minutes === undefined ? 0 : Math.round(minutes * 60 * limits.minShareOfLessonTime);
  return Math.max(limits.minLessonSeconds, share);
}

export interface CompletionFacts {
  durationSec: number;
  /** The lesson's minutes in the catalogue, if known. */
  lessonMinutes: number | undefined;
  /** The learner's completions whose phone time is within the hour up to this one, this one included. */
  completionsInHour: number;
}

/** The record rules a resident's completion breaks (empty: it counts). */
export function completionRules(f: CompletionFacts, limits: PlausibilityLimits = DEFAULT_PLAUSIBILITY): PlausibilityRule[] {
  const broken: PlausibilityRule[] = [];
  if (f.durationSec < shortestLessonSeconds(f.lessonMinutes, limits)) broken.push('too-fast');
  if (f.completionsInHour > limits.maxLessonsPerHour) broken.push('lessons-per-hour');
  return broken;
}

/** A phone that already has `others` learners gets one more: too many? */
export const deviceCrowded = (others: number, limits: PlausibilityLimits = DEFAULT_PLAUSIBILITY) => others + 1 > limits.maxLearnersPerDevice;

/** Registrations from one address within the window, this one included: too many? */
export const addressBurst = (inWindow: number, limits: PlausibilityLimits = DEFAULT_PLAUSIBILITY) => inWindow > limits.maxRegistrationsPerAddress;
