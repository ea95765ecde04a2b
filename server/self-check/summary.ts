// What the ward office sees of the self-check (GET /stats/self-check): per
// learner, the average of their first results over the skill groups against
// the average of their latest; only learners who took it at least twice.
// Counts go through the dashboard's small-count rules (stats/suppress.ts);
// an average is shown for 5 people or more, as the dashboard's quiz scores.
import { asc, eq, sql } from 'drizzle-orm';
import { BASIC_SKILLS, SKILLS, type Skill } from '../../shared/skills.ts';
import { SMALL_COUNT_LIMIT } from '../../shared/stats/api.ts';
import type { BeforeAfter, SelfCheckSummary } from '../../shared/stats/self-check.ts';
import type { Engine } from '../db/engine/engine.ts';
import { residentialGroups, selfCheckResults, statsLearners } from '../db/schema/index.ts';
import { people, protect } from '../stats/suppress.ts';

interface Pair {
  first: number;
  latest: number;
}

const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;

function beforeAfter(pairs: Pair[], repeated = people(pairs.length)): BeforeAfter {
  const shown = pairs.length >= SMALL_COUNT_LIMIT;
  return {
    repeated,
    firstAverage: shown ? mean(pairs.map((p) => p.first)) : null,
    latestAverage: shown ? mean(pairs.map((p) => p.latest)) : null,
    improved: shown ? people(pairs.filter((p) => p.latest > p.first).length) : null,
  };
}

export function createSelfCheckSummary(engine: Engine) {
  const { db } = engine;
  const rows = db
    .select({
      learnerId: selfCheckResults.learnerId,
      skill: selfCheckResults.skill,
      attempts: selfCheckResults.attempts,
      firstScore: selfCheckResults.firstScore,
      latestScore: selfCheckResults.latestScore,
      groupId: statsLearners.groupId,
    })
    .from(selfCheckResults)
    .leftJoin(statsLearners, eq(statsLearners.learnerId, selfCheckResults.learnerId))
    .prepare();
  const groups = db.select({ id: residentialGroups.id, name: residentialGroups.name }).from(residentialGroups).orderBy(asc(residentialGroups.sortOrder), asc(residentialGroups.id)).prepare();
  const learnersWhoTookIt = db.select({ n: sql<number>`count(DISTINCT ${selfCheckResults.learnerId})` }).from(selfCheckResults).prepare();

  return (): Promise<SelfCheckSummary> =>
    engine.transaction(async () => {
      const all = await rows.all();
      // One pair per learner: the mean of their first and of their latest results over the groups they answered.
      const byLearner = new Map<string, { group: string | null; repeated: boolean; firsts: number[]; latests: number[] }>();
      const bySkill = new Map<Skill, Pair[]>();
      for (const r of all) {
        const l = byLearner.get(r.learnerId) ?? { group: r.groupId ?? null, repeated: false, firsts: [], latests: [] };
        l.firsts.push(r.firstScore);
        l.latests.push(r.latestScore);
        if (r.attempts >= 2) l.repeated = true;
        byLearner.set(r.learnerId, l);
        if (r.attempts >= 2) bySkill.set(r.skill as Skill, [...(bySkill.get(r.skill as Skill) ?? []), { first: r.firstScore, latest: r.latestScore }]);
      }
      const repeated = [...byLearner.values()].filter((l) => l.repeated);
      const pairs = (list: typeof repeated): Pair[] => list.map((l) => ({ first: mean(l.firsts), latest: mean(l.latests) }));
      const groupList = await groups.all();
      const perGroup = groupList.map((g) => pairs(repeated.filter((l) => l.group === g.id)));
      // The groups add up to (at most) the ward's figure: hide the next-smallest cell too when one alone is hidden.
      const shownCounts = protect(perGroup.map((p) => p.length));
      const skillOrder = SKILLS.filter((s) => bySkill.has(s) || (BASIC_SKILLS as readonly string[]).includes(s));
      return {
        tookIt: people((await learnersWhoTookIt.get())?.n ?? 0),
        ward: beforeAfter(pairs(repeated)),
        groups: groupList.map((g, i) => {
          const figures = beforeAfter(perGroup[i], shownCounts[i]);
          // A group whose count is hidden shows no figures built on it.
          return typeof shownCounts[i] === 'number' ? { groupId: g.id, name: g.name, ...figures } : { groupId: g.id, name: g.name, ...figures, firstAverage: null, latestAverage: null, improved: null };
        }),
        skills: skillOrder.map((skill) => ({ skill, ...beforeAfter(bySkill.get(skill) ?? []) })),
      };
    }, { readOnly: true });
}
