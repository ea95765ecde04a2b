// Plausibility rules for records made on a resident's phone alone, and for
// what a guide records (lessons of residents without a smartphone, confirmed
// outcomes). A record that breaks one is kept but counts in no figure until a
// reviewer accepts it (server/integrity). The thresholds are planning
// figures, not measurements: each is set past what a real resident, or a
// real session at a cultural house, does, so that a false alarm costs a
// reviewer a look, while a script reporting lessons in seconds, one phone or
// address making dozens of learners, or a guide's account filing a session's
// worth of learning that no session could hold, is held. zod-free: the
// reviewer's screen shows the same thresholds.

export const GUIDE_RULES = ['guided-lessons-per-learner', 'guided-learners-per-hour', 'outside-session'] as const;
export const PLAUSIBILITY_RULES = ['too-fast', 'lessons-per-hour', 'learners-per-device', 'registrations-per-address', ...GUIDE_RULES] as const;
export type PlausibilityRule = (typeof PLAUSIBILITY_RULES)[number];

/** Rules about one record; the others put the learner under review. */
export const RECORD_RULES: readonly PlausibilityRule[] = ['too-fast', 'lessons-per-hour', ...GUIDE_RULES];

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
  /** Guide rule: the lessons a guide records for one learner in one session must fit in the
   * session's length plus this, each lesson taking at least its shortest believable time (the
   * resident rule's, a fifth of its minutes). So a 90-minute session holds 5-minute lessons for
   * (90 + 60) / 1 = 150 of them: a real session, even one recorded in a hurry at its end, never
   * comes near; a script filing every lesson of the catalogue for each learner does. */
  sessionSlackMinutes: number;
  /** Without a session: the same, for the lessons recorded for one learner within one hour of the
   * guide's phone clock (a guide recording a door-to-door visit afterwards taps them in minutes,
   * but an hour holds five hours of lessons at that pace, more than one visit lasts). */
  guidedMinutesPerHour: number;
  /** Guide rule: different learners a guide records lessons or outcomes for within one hour of
   * their phone's clock. Learners a guide records are residents without a smartphone, helped side
   * by side; a cultural house's hall seats a few dozen, and a team shares them out among its
   * members, so even one guide recording a full hall at the end of a session stays under 40. */
  maxGuidedLearnersPerHour: number;
  /** Guide rule: a record naming a session made this long before the session starts (guides arrive
   * early and phone clocks drift)… */
  sessionEarlyMinutes: number;
  /** …or this long after it ends (recording in the evening or the next morning is ordinary; a week
   * later it is not a record made at that session). */
  sessionLateHours: number;
}

export const DEFAULT_PLAUSIBILITY: PlausibilityLimits = {
  minShareOfLessonTime: 0.2,
  minLessonSeconds: 30,
  maxLessonsPerHour: 12,
  maxLearnersPerDevice: 8,
  maxRegistrationsPerAddress: 10,
  registrationWindowMs: 10 * 60_000,
  sessionSlackMinutes: 60,
  guidedMinutesPerHour: 60,
  maxGuidedLearnersPerHour: 40,
  sessionEarlyMinutes: 60,
  sessionLateHours: 24,
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

/** A session as the guide rules see it (epoch ms). */
export interface SessionWindow {
  startsAt: number;
  endsAt: number;
}

export interface GuidedRecordFacts {
  /** When the record says it was made (the guide's phone clock, clamped like every record). */
  at: number;
  /** The session the record names, if the server knows it. */
  session: SessionWindow | undefined;
  /** For a lesson: the minutes (or undefined when unknown) of every lesson the guide recorded for this
   * learner in the same session (no session: within the hour up to this one), this one included. */
  lessonMinutes?: ReadonlyArray<number | undefined>;
  /** Different learners the guide recorded lessons or outcomes for within the hour up to this record. */
  learnersInHour: number;
}

/** The rules a guide's record (a lesson completed with their help, an outcome confirmed) breaks. */
export function guidedRecordRules(f: GuidedRecordFacts, limits: PlausibilityLimits = DEFAULT_PLAUSIBILITY): PlausibilityRule[] {
  const broken: PlausibilityRule[] = [];
  if (f.lessonMinutes) {
    const needed = f.lessonMinutes.reduce<number>((sum, m) => sum + shortestLessonSeconds(m, limits), 0);
    const allowed = f.session ? (f.session.endsAt - f.session.startsAt) / 1000 + limits.sessionSlackMinutes * 60 : limits.guidedMinutesPerHour * 60;
    if (needed > allowed) broken.push('guided-lessons-per-learner');
  }
  if (f.learnersInHour > limits.maxGuidedLearnersPerHour) broken.push('guided-learners-per-hour');
  if (f.session && (f.at < f.session.startsAt - limits.sessionEarlyMinutes * 60_000 || f.at > f.session.endsAt + limits.sessionLateHours * HOUR_MS)) broken.push('outside-session');
  return broken;
}
