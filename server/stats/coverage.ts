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
import type { CoverageRow, Ranking, RankingRow } from '../../shared/stats/api.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
import { isSmall, people, protect, share, shownShare } from './suppress.ts';

interface GroupFigures {
  id: string;
  name: string;
  adultPopulation: number | null;
  households: number | null;
  figuresAreSample: number;
}

export function createCoverage(sqlite: Sqlite) {
  const groups = sqlite.prepare<[], GroupFigures>(
    `SELECT id, name, adult_population AS adultPopulation, households, figures_are_sample AS figuresAreSample
       FROM residential_groups ORDER BY sort_order, id`,
  );
  // From the counters (stats-counters.ts). A learner's first course day is
  // never before their first active day, so "completed by the end" needs no
  // look at the first day. group_key '' is "no group".
  const learners = sqlite.prepare<{ end: number; month: number }, { groupId: string | null; reached: number; completed: number; month: number }>(
    `SELECT NULLIF(group_key, '') AS groupId, SUM(reached) AS reached, SUM(completed) AS completed, SUM(month) AS month FROM (
        SELECT group_key, learners AS reached, 0 AS completed, 0 AS month FROM stats_first_days WHERE day <= $end
        UNION ALL
        SELECT group_key, 0, learners, learners * (day >= $month) FROM stats_first_course_days WHERE day <= $end
      ) GROUP BY group_key`,
  );
  const households = sqlite.prepare<[number], { groupId: string; recorded: number; fiveSkills: number }>(
    `SELECT h.group_id AS groupId, COUNT(*) AS recorded,
            COALESCE(SUM(EXISTS (SELECT 1 FROM household_members m JOIN stats_learners s ON s.learner_id = m.learner_id
                                  WHERE m.household_id = h.id AND s.five_skills_day <= ?)), 0) AS fiveSkills
       FROM households h GROUP BY h.group_id`,
  );

  function coverage(r: DayRange): CoverageRow[] {
    const byGroup = new Map(learners.all({ end: r.end, month: r.month }).map((row) => [row.groupId, row]));
    const homes = new Map(households.all(r.end).map((row) => [row.groupId, row]));
    const list = groups.all();
    // Learners who did not say where they live (or whose group was removed).
    const known = new Set(list.map((g) => g.id));
    const rest = [...byGroup.values()].filter((row) => row.groupId === null || !known.has(row.groupId));
    const sum = (k: 'reached' | 'completed' | 'month') => rest.reduce((n, row) => n + row[k], 0);
    const raw = [
      ...list.map((g) => ({ g, reached: byGroup.get(g.id)?.reached ?? 0, completed: byGroup.get(g.id)?.completed ?? 0, month: byGroup.get(g.id)?.month ?? 0 })),
      { g: null, reached: sum('reached'), completed: sum('completed'), month: sum('month') },
    ];
    // "Reached" adds up to the headline's learners: protect it as a breakdown.
    const reachedShown = protect(raw.map((x) => x.reached));
    const rows: CoverageRow[] = raw.map(({ g, reached, completed, month }, i) => {
      if (g === null) {
        return {
          groupId: null,
          name: null,
          adultPopulation: null,
          households: null,
          figuresAreSample: false,
          reached: reachedShown[i],
          completed: people(completed),
          reachedShare: null,
          completedShare: null,
          householdsRecorded: 0,
          householdsFiveSkills: 0,
          householdShare: null,
          completedThisMonth: people(month),
          growthPoints: null,
        };
      }
      const h = homes.get(g.id);
      const fiveSkills = h?.fiveSkills ?? 0;
      const growth = share(month, g.adultPopulation);
      return {
        groupId: g.id,
        name: g.name,
        adultPopulation: g.adultPopulation,
        households: g.households,
        figuresAreSample: g.figuresAreSample === 1,
        reached: reachedShown[i],
        completed: people(completed),
        reachedShare: shownShare(reachedShown[i], reached, g.adultPopulation),
        completedShare: share(completed, g.adultPopulation),
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
   * order uses the true figures; a value built on fewer than five people is
   * sent as null, like the count it comes from. */
  function rank(items: Array<{ groupId: string; name: string; part: number; whole: number }>): RankingRow[] {
    const ranked = items
      .map((x) => ({ ...x, exact: (x.part / x.whole) * 100 }))
      .sort((a, b) => b.exact - a.exact || a.name.localeCompare(b.name, 'vi'));
    return ranked.map((x) => ({
      rank: ranked.findIndex((y) => y.exact === x.exact) + 1,
      groupId: x.groupId,
      name: x.name,
      value: isSmall(x.part) ? null : Math.round(x.exact * 100) / 100,
    }));
  }

  return {
    coverage,
    ranking(r: DayRange): Ranking {
      const byGroup = new Map(learners.all({ end: r.end, month: r.month }).map((row) => [row.groupId, row]));
      const withPopulation = groups.all().filter((g) => (g.adultPopulation ?? 0) > 0);
      const items = (k: 'completed' | 'month') =>
        withPopulation.map((g) => ({ groupId: g.id, name: g.name, part: byGroup.get(g.id)?.[k] ?? 0, whole: g.adultPopulation! }));
      return { byCoverage: rank(items('completed')), byGrowth: rank(items('month')) };
    },
  };
}
