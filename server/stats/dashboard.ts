// The dashboard's sections, built once per app over prepared statements.
// Every section of one request reads inside one transaction, so the figures
// on a page (and in an export) describe the same moment even while phones sync.
import { eq, sql } from 'drizzle-orm';
import type { Dashboard, DashboardQuery, Headline } from '../../shared/stats/api.ts';
import type { Db } from '../db/open.ts';
import { demoMarker, residentialGroups, wardProfile } from '../db/schema/index.ts';
import { countedOf, createCoverage } from './coverage.ts';
import { learnerKindsOf } from './learner-kinds.ts';
import { createCourses, type CourseCatalog } from './courses.ts';
import { createDemographics } from './demographics.ts';
import { createFreshness } from './freshness.ts';
import { createHeadline } from './headline.ts';
import { resolveRange, type DayRange } from './range.ts';
import { createTrend } from './trend.ts';
import { createFigureKinds } from './figure-kinds.ts';
import { createCertificateStanding } from '../resident/certificates.ts';
import type { CatalogCourse } from '../../shared/resident/certificates.ts';

/** The dashboard reads the course catalogue's titles and skills, and its lessons (certificates' standing). */
export type DashboardCatalog = CourseCatalog & { courses: readonly CatalogCourse[] };

export function createDashboard(db: Db, catalog: DashboardCatalog, now: () => number) {
  const headline = createHeadline(db, createCertificateStanding(db, catalog.courses).standing);
  const { coverage, ranking } = createCoverage(db);
  const courses = createCourses(db, catalog);
  const demographics = createDemographics(db, now);
  const trend = createTrend(db);
  const kinds = createFigureKinds(db);
  const freshness = createFreshness(db, now);
  const groupExists = db.select({ id: residentialGroups.id }).from(residentialGroups).where(eq(residentialGroups.id, sql.placeholder('id'))).prepare();
  const ward = db.select({ name: wardProfile.name, isSample: wardProfile.isSample }).from(wardProfile).where(eq(wardProfile.id, 1)).prepare();
  const demo = db.select({ id: demoMarker.id }).from(demoMarker).where(eq(demoMarker.id, 1)).prepare();

  const demographicsOf = (r: DayRange) => {
    const d = demographics(r);
    return { demographics: d.rows, demographicsAsOf: d.asOf };
  };
  const range = (query: DashboardQuery): DayRange => resolveRange(query, now(), (id) => groupExists.get({ id }) !== undefined);
  const meta = () => {
    const w = ward.get();
    return { wardName: w?.name ?? '', isSampleProfile: w ? w.isSample : true, isDemo: demo.get() !== undefined, generatedAt: new Date(now()).toISOString() };
  };
  // Reads in one snapshot (WAL): a sync committing meanwhile is seen by all sections or none.
  const read = <T>(work: () => T): T => db.transaction(() => work(), { behavior: 'deferred' });
  // The headline follows the ward's official kinds and says which it counts: its lesson count is the
  // official figure's, and its confirmed outcomes count only when the ward chose them (the kinds table keeps every kind's number).
  const headlineOf = (r: DayRange) => {
    const h = headline(r);
    const k = kinds.figures(r, h);
    const outcomesCounted = k.official.kinds.includes('outcomes');
    const official: Headline = {
      ...h,
      lessonsCompleted: k.officialLessons,
      lessonsCounted: k.official.kinds.filter((kind) => kind !== 'outcomes'),
      outcomesConfirmed: outcomesCounted ? h.outcomesConfirmed : 0,
      outcomesCounted,
    };
    return { headline: official, kinds: k };
  };

  // Coverage and the ranking count people by the same official kinds.
  const people = () => learnerKindsOf(kinds.official().kinds);

  return {
    range,
    meta: () => read(meta),
    headline: (q: DashboardQuery) => read(() => ({ range: range(q).range, headline: headlineOf(range(q)).headline })),
    coverage: (q: DashboardQuery) => read(() => ({ range: range(q).range, coverage: coverage(range(q), people()), counted: countedOf(people()) })),
    ranking: (q: DashboardQuery) => read(() => ({ range: range(q).range, ranking: ranking(range(q), people()) })),
    courses: (q: DashboardQuery) => read(() => ({ range: range(q).range, ...courses(range(q)) })),
    demographics: (q: DashboardQuery) =>
      read(() => {
        const d = demographics(range(q));
        return { range: range(q).range, demographics: d.rows, demographicsAsOf: d.asOf };
      }),
    trend: (q: DashboardQuery) => read(() => ({ range: range(q).range, trend: trend(range(q)) })),
    freshness: () => read(() => ({ freshness: freshness() })),
    saveOfficialKinds: kinds.save,
    all: (q: DashboardQuery): Dashboard =>
      read(() => {
        const r = range(q);
        const h = headlineOf(r);
        const p = people();
        const wardRows = coverage({ ...r, group: null }, p);
        const rows = r.group === null ? wardRows : wardRows.filter((row) => row.groupId === r.group);
        return { meta: meta(), range: r.range, headline: h.headline, coverage: rows, coverageCounted: countedOf(p), ranking: ranking(r, p, wardRows), ...courses(r), ...demographicsOf(r), trend: trend(r), freshness: freshness(), kinds: h.kinds };
      }),
  };
}

export type DashboardQueries = ReturnType<typeof createDashboard>;
