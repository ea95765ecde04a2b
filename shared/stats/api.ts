// The ward dashboard's API shapes, shared by the server (which fills them)
// and the web page (which draws them). Counts of people in a breakdown are
// `Count`: below SMALL_COUNT_LIMIT (and above zero) the server sends "<5",
// never the number, and every share derived from it is null.
import type { FigureKind, FigureKinds } from './figure-kinds.ts';
import { z } from 'zod';
import { GROUP_ID_PATTERN } from '../events/patterns.ts';

export const SMALL_COUNT_LIMIT = 5;
export const SUPPRESSED = '<5' as const;
/** Secondary suppression: a count of 5 or more hidden so that a "<5" cell
 * of the same table cannot be worked out from the table's total. */
export const HIDDEN = '*' as const;
export type Count = number | typeof SUPPRESSED | typeof HIDDEN;

/** Query of every dashboard endpoint; dates are Vietnam calendar days, inclusive. */
export const dashboardQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Limit group-level breakdowns (coverage, age and gender) to one residential group. */
  group: z.string().regex(GROUP_ID_PATTERN, 'must be a residential group id').optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Longest range one request may cover (about ten years). */
export const MAX_RANGE_DAYS = 3660;
/** Default range when none is given: the 30 days ending today. */
export const DEFAULT_RANGE_DAYS = 30;

export interface StatsRange {
  from: string;
  to: string;
  /** First day of the month `to` falls in: "this month" for growth. */
  monthFrom: string;
  group: string | null;
}

export interface Headline {
  /** Learners with any learning activity up to the end of the range. */
  learners: number;
  newLearners: number;
  active7: number;
  active30: number;
  assistedLearners: number;
  selfLearners: number;
  /** Lesson completions of the kinds the ward's official figures count (`lessonsCounted`). */
  lessonsCompleted: number;
  /** The kinds of learning `lessonsCompleted` counts: the ward's official kinds (shared/stats/figure-kinds.ts), outcomes aside. */
  lessonsCounted: FigureKind[];
  assistedCompletions: number;
  selfCompletions: number;
  coursesCompleted: number;
  certificates: number;
  /** Confirmed outcomes when the ward's official kinds include them (`outcomesCounted`), else 0: the kinds of figure still show how many. */
  outcomesConfirmed: number;
  /** Whether the ward's official figures count confirmed outcomes. */
  outcomesCounted: boolean;
  sessionsHeld: number;
}

export interface CoverageRow {
  /** null: learners who have not said which group they live in. */
  groupId: string | null;
  name: string | null;
  adultPopulation: number | null;
  households: number | null;
  figuresAreSample: boolean;
  reached: Count;
  completed: Count;
  /** Shares of the adult population, 0–1; null without a population or when suppressed. */
  reachedShare: number | null;
  completedShare: number | null;
  /** Households known to guides, and those with a member who finished all five basic skills. */
  householdsRecorded: Count;
  householdsFiveSkills: Count;
  householdShare: number | null;
  completedThisMonth: Count;
  /** Percentage points of the adult population that completed a course this month. */
  growthPoints: number | null;
}

export interface RankingRow {
  rank: number;
  groupId: string;
  name: string;
  /** Percent of the adult population; null when built on fewer than five people. */
  value: number | null;
}

export interface Ranking {
  byCoverage: RankingRow[];
  byGrowth: RankingRow[];
  /** The kinds of learning the ranking's people count: the ward's official kinds (figure-kinds.ts), outcomes aside. */
  counted: FigureKind[];
}

export interface CourseRow {
  courseId: string;
  skill: string | null;
  title: { vi: string; en: string } | null;
  starts: Count;
  completions: Count;
  /** Of everyone who started by the end of the range, the share who finished. */
  completionRate: number | null;
  lessonCompletions: number;
  averageScore: number | null;
}

export interface SkillRow {
  skill: string;
  starts: Count;
  completions: Count;
  completionRate: number | null;
  lessonCompletions: number;
  averageScore: number | null;
}

export const AGE_BANDS = ['under-30', '30-44', '45-59', '60-plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const GENDER_KEYS = ['female', 'male', 'other', 'unknown'] as const;
export type GenderKey = (typeof GENDER_KEYS)[number];

export interface DemographicRow {
  band: AgeBand;
  reached: Record<GenderKey | 'total', Count>;
  completed: Record<GenderKey | 'total', Count>;
}

export interface TrendRow {
  /** Monday of the week. */
  week: string;
  lessonCompletions: number;
  newLearners: Count;
  courseCompletions: Count;
}

export interface Freshness {
  /** By name and team: a phone's id is never shown to the office. */
  guides: Array<{ guide: string; team: string | null; lastSyncAt: string | null }>;
  devices: { within1Day: Count; within7Days: Count; within30Days: Count; older: Count; lastSyncAt: string | null };
}

export interface DashboardMeta {
  wardName: string;
  isSampleProfile: boolean;
  isDemo: boolean;
  generatedAt: string;
}

export interface Dashboard {
  meta: DashboardMeta;
  range: StatsRange;
  headline: Headline;
  coverage: CoverageRow[];
  /** The kinds of learning coverage's people count (reached, completed, households): the ward's official kinds, outcomes aside. */
  coverageCounted: FigureKind[];
  ranking: Ranking;
  courses: CourseRow[];
  skills: SkillRow[];
  demographics: DemographicRow[];
  /** 'YYYY-MM-DD': the month end the demographics are as of; null before the first one is published. */
  demographicsAsOf: string | null;
  trend: TrendRow[];
  freshness: Freshness;
  /** The figures by kind of evidence (figure-kinds.ts). */
  kinds: FigureKinds;
}
