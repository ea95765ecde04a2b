// Coverage per residential group and the emulation (thi đua) ranking.
// Definitions (shown on the dashboard too):
// - reached: learners of the group with any learning activity up to the end
//   of the range; completed: those who finished at least one whole course by
//   then; both as a share of the group's adult population.
// - households: households a guide recorded in the group with at least one
//   member who finished every course of the five basic skills by the end of
//   the range, as a share of the group's households in the ward profile.
// - growth this month: learners who finished their first course between the
//   first day of the end date's month and the end date, in percentage points
//   of the adult population.
// Every count of people here follows the ward's official kinds of figure
// (learner-kinds.ts): with only "verified" chosen, a learner counts when a
// guide stands behind their learning by the end of the range.
import { and, count, eq, exists, gte, lte, sql } from 'drizzle-orm';
import { HIDDEN, type CoverageRow, type Ranking, type RankingRow } from '../../shared/stats/api.ts';
import type { FigureKind } from '../../shared/stats/figure-kinds.ts';
import type { Engine } from '../db/engine/engine.ts';
import { householdMembers, households, residentialGroups, statsFirstCourseDays, statsFirstDays, statsLearners } from '../db/schema/index.ts';
import type { DayRange } from './range.ts';
import { learnerKindCondition, type LearnerKinds } from './learner-kinds.ts';
import { msBounds } from './range.ts';
import { onlyIf, sumOf, total } from './sql.ts';
import type { SQL } from 'drizzle-orm';
import { GROUP_FIGURES, GROUPS_IN_WARD_ORDER } from '../ward/profile.ts';
import { isSmall, people, protect, share, shownShare } from './suppress.ts';

/** The learning kinds a figure of people counts, as the answer says it. */
export const countedOf = (kinds: LearnerKinds): FigureKind[] => (kinds === 'all' ? ['verified', 'self-reported'] : kinds === 'none' ? [] : [kinds]);

export function createCoverage(engine: Engine) {
  const { db } = engine;
  const end = sql.placeholder('end');
  const groups = db
    .select(GROUP_FIGURES)
    .from(residentialGroups)
    .orderBy(...GROUPS_IN_WARD_ORDER)
    .prepare();
  // From the counters (stats-counters.ts): learners reached by group, and
  // those who completed a course (in all, and since the month began). A
  // learner's first course day is never before their first active day, so
  // "completed by the end" needs no look at the first day.
  const reachedBy = db
    .select({ groupKey: statsFirstDays.groupKey, reached: sumOf(statsFirstDays.learners) })
    .from(statsFirstDays)
    .where(lte(statsFirstDays.day, end))
    .groupBy(statsFirstDays.groupKey)
    .prepare();
  const completedBy = db
    .select({
      groupKey: statsFirstCourseDays.groupKey,
      completed: sumOf(statsFirstCourseDays.learners),
      month: sumOf(onlyIf(gte(statsFirstCourseDays.day, sql.placeholder('month')), statsFirstCourseDays.learners)),
    })
    .from(statsFirstCourseDays)
    .where(lte(statsFirstCourseDays.day, end))
    .groupBy(statsFirstCourseDays.groupKey)
    .prepare();
  // The same counts learner by learner, when the ward counts only some kinds of learning.
  const endMs = sql.placeholder('endMs');
  const learnersOfKind = (condition: SQL) =>
    db
      .select({
        groupKey: sql<string>`coalesce(${statsLearners.groupId}, '')`,
        reached: count(),
        completed: total(onlyIf(lte(statsLearners.firstCourseDay, end), 1)),
        month: total(onlyIf(and(gte(statsLearners.firstCourseDay, sql.placeholder('month')), lte(statsLearners.firstCourseDay, end))!, 1)),
      })
      .from(statsLearners)
      .where(and(lte(statsLearners.firstDay, end), condition))
      .groupBy(statsLearners.groupId)
      .prepare();
  const ofKind = {
    verified: learnersOfKind(learnerKindCondition('verified', endMs)!),
    'self-reported': learnersOfKind(learnerKindCondition('self-reported', endMs)!),
  };
  /** Both counts by group id; group_key '' is "no group" (null). */
  const learners = async (r: DayRange, kinds: LearnerKinds) => {
    const byGroup = new Map<string | null, { groupId: string | null; reached: number; completed: number; month: number }>();
    const rowOf = (groupKey: string) => {
      const groupId = groupKey === '' ? null : groupKey;
      let row = byGroup.get(groupId);
      if (!row) byGroup.set(groupId, (row = { groupId, reached: 0, completed: 0, month: 0 }));
      return row;
    };
    if (kinds === 'all') {
      for (const x of await reachedBy.all({ end: r.end })) rowOf(x.groupKey).reached = x.reached;
      for (const x of await completedBy.all({ end: r.end, month: r.month })) Object.assign(rowOf(x.groupKey), { completed: x.completed, month: x.month });
    } else if (kinds !== 'none') {
      for (const x of await ofKind[kinds].all({ end: r.end, month: r.month, endMs: msBounds(r)[1] })) Object.assign(rowOf(x.groupKey), { reached: x.reached, completed: x.completed, month: x.month });
    }
    return byGroup;
  };
  const homesOf = (condition: SQL | undefined) => {
    const anyFiveSkills = db
      .select({ one: sql`1` })
      .from(householdMembers)
      .innerJoin(statsLearners, eq(statsLearners.learnerId, householdMembers.learnerId))
      .where(and(eq(householdMembers.householdId, households.id), lte(statsLearners.fiveSkillsDay, end), condition));
    return db
      .select({ groupId: households.groupId, recorded: count(), fiveSkills: total(onlyIf(exists(anyFiveSkills), 1)) })
      .from(households)
      .groupBy(households.groupId)
      .prepare();
  };
  const homes = { all: homesOf(undefined), verified: homesOf(learnerKindCondition('verified', endMs)), 'self-reported': homesOf(learnerKindCondition('self-reported', endMs)), none: homesOf(learnerKindCondition('none', endMs)) };

  async function coverage(r: DayRange, kinds: LearnerKinds): Promise<CoverageRow[]> {
    const byGroup = await learners(r, kinds);
    const byHome = new Map((await homes[kinds].all({ end: r.end, endMs: msBounds(r)[1] })).map((row) => [row.groupId, row]));
    const list = await groups.all();
    // Learners who did not say where they live (or whose group was removed).
    const known = new Set(list.map((g) => g.id));
    const rest = [...byGroup.values()].filter((row) => row.groupId === null || !known.has(row.groupId));
    const sum = (k: 'reached' | 'completed' | 'month') => rest.reduce((n, row) => n + row[k], 0);
    const raw = [
      ...list.map((g) => ({ g, reached: byGroup.get(g.id)?.reached ?? 0, completed: byGroup.get(g.id)?.completed ?? 0, month: byGroup.get(g.id)?.month ?? 0 })),
      { g: null, reached: sum('reached'), completed: sum('completed'), month: sum('month') },
    ];
    // "Reached" adds up to the headline's learners, and "completed" to figures
    // published elsewhere (the demographics' completed column at a month end,
    // the basic-skills indicator under the one-course rule): protect both as breakdowns.
    const reachedShown = protect(raw.map((x) => x.reached));
    const completedShown = protect(raw.map((x) => x.completed));
    const rows: CoverageRow[] = raw.map(({ g, reached, completed, month }, i) => {
      if (g === null) {
        return {
          groupId: null,
          name: null,
          adultPopulation: null,
          households: null,
          figuresAreSample: false,
          reached: reachedShown[i],
          completed: completedShown[i],
          reachedShare: null,
          completedShare: null,
          householdsRecorded: 0,
          householdsFiveSkills: 0,
          householdShare: null,
          completedThisMonth: people(month),
          growthPoints: null,
        };
      }
      const h = byHome.get(g.id);
      const fiveSkills = h?.fiveSkills ?? 0;
      const growth = share(month, g.adultPopulation);
      return {
        groupId: g.id,
        name: g.name,
        adultPopulation: g.adultPopulation,
        households: g.households,
        figuresAreSample: g.figuresAreSample,
        reached: reachedShown[i],
        completed: completedShown[i],
        reachedShare: shownShare(reachedShown[i], reached, g.adultPopulation),
        completedShare: shownShare(completedShown[i], completed, g.adultPopulation),
        householdsRecorded: people(h?.recorded ?? 0),
        householdsFiveSkills: people(fiveSkills),
        householdShare: share(fiveSkills, g.households),
        completedThisMonth: people(month),
        growthPoints: growth === null ? null : Math.round(growth * 10_000) / 100,
      };
    });
    return r.group === null ? rows : rows.filter((row) => row.groupId === r.group);
  }

  /** Groups with a population, best first; equal values share a rank. The
   * order uses the true figures; a value built on fewer than five people, or
   * on a coverage cell hidden by the breakdown rule, is sent as null, like the
   * count it comes from (a share times the group's population is the count). */
  function rank(items: Array<{ groupId: string; name: string; part: number; whole: number; hidden?: boolean }>): RankingRow[] {
    const ranked = items
      .map((x) => ({ ...x, exact: (x.part / x.whole) * 100 }))
      .sort((a, b) => b.exact - a.exact || a.name.localeCompare(b.name, 'vi'));
    return ranked.map((x) => ({
      rank: ranked.findIndex((y) => y.exact === x.exact) + 1,
      groupId: x.groupId,
      name: x.name,
      value: isSmall(x.part) || x.hidden ? null : Math.round(x.exact * 100) / 100,
    }));
  }

  return {
    coverage,
    /** `wardRows`: the whole ward's coverage for the same range and kinds, when the caller has it already. */
    async ranking(r: DayRange, kinds: LearnerKinds, wardRows?: CoverageRow[]): Promise<Ranking> {
      const ward = wardRows ?? (await coverage({ ...r, group: null }, kinds));
      const byGroup = await learners(r, kinds);
      // The cells coverage hides (whole ward, every group) stay hidden here.
      const hidden = new Set(ward.filter((row) => row.completed === HIDDEN).map((row) => row.groupId));
      const withPopulation = (await groups.all()).filter((g) => (g.adultPopulation ?? 0) > 0);
      const items = (k: 'completed' | 'month') =>
        withPopulation.map((g) => ({ groupId: g.id, name: g.name, part: byGroup.get(g.id)?.[k] ?? 0, whole: g.adultPopulation!, hidden: k === 'completed' && hidden.has(g.id) }));
      return { byCoverage: rank(items('completed')), byGrowth: rank(items('month')), counted: countedOf(kinds) };
    },
  };
}
