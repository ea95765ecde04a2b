// The dashboard's sections, built once per app over prepared statements.
// Every section of one request reads inside one engine transaction, so the
// figures on a page (and in an export) describe the same moment even while
// phones sync (on SQLite one snapshot; on PostgreSQL one connection).
import { eq, sql } from 'drizzle-orm';
import type { Dashboard, DashboardQuery, Headline } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
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

export function createDashboard(engine: Engine, catalog: DashboardCatalog, now: () => number) {
  const { db } = engine;
  const headline = createHeadline(engine, createCertificateStanding(engine, catalog.courses).standing);
  const { coverage, ranking } = createCoverage(engine);
  const courses = createCourses(engine, catalog);
  const demographics = createDemographics(engine, now);
  const trend = createTrend(engine);
  const kinds = createFigureKinds(engine);
  const freshness = createFreshness(engine, now);
  const groupExists = db.select({ id: residentialGroups.id }).from(residentialGroups).where(eq(residentialGroups.id, sql.placeholder('id'))).prepare();
  const ward = db.select({ name: wardProfile.name, isSample: wardProfile.isSample }).from(wardProfile).where(eq(wardProfile.id, 1)).prepare();
  const demo = db.select({ id: demoMarker.id }).from(demoMarker).where(eq(demoMarker.id, 1)).prepare();

  const range = async (query: DashboardQuery): Promise<DayRange> => {
    const known = query.group ? (await groupExists.get({ id: query.group })) !== undefined : false;
    return resolveRange(query, now(), () => known);
  };
  const meta = async () => {
    const w = await ward.get();
    return { wardName: w?.name ?? '', isSampleProfile: w ? w.isSample : true, isDemo: (await demo.get()) !== undefined, generatedAt: new Date(now()).toISOString() };
  };
  // Reads in one transaction: a sync committing meanwhile is seen by all sections or none.
  const read = <T>(work: () => Promise<T>): Promise<T> => engine.transaction(() => work(), { readOnly: true });
  // The headline follows the ward's official kinds and says which it counts: its lesson count is the
  // official figure's, and its confirmed outcomes count only when the ward chose them (the kinds table keeps every kind's number).
  const headlineOf = async (r: DayRange) => {
    const h = await headline(r);
    const k = await kinds.figures(r, h);
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
  const people = async () => learnerKindsOf((await kinds.official()).kinds);

  return {
    range,
    meta: () => read(meta),
    headline: (q: DashboardQuery) =>
      read(async () => {
        const r = await range(q);
        return { range: r.range, headline: (await headlineOf(r)).headline };
      }),
    coverage: (q: DashboardQuery) =>
      read(async () => {
        const [r, p] = [await range(q), await people()];
        return { range: r.range, coverage: await coverage(r, p), counted: countedOf(p) };
      }),
    ranking: (q: DashboardQuery) =>
      read(async () => {
        const r = await range(q);
        return { range: r.range, ranking: await ranking(r, await people()) };
      }),
    courses: (q: DashboardQuery) =>
      read(async () => {
        const r = await range(q);
        return { range: r.range, ...(await courses(r)) };
      }),
    demographics: (q: DashboardQuery) =>
      read(async () => {
        const r = await range(q);
        const d = await demographics(r);
        return { range: r.range, demographics: d.rows, demographicsAsOf: d.asOf };
      }),
    trend: (q: DashboardQuery) =>
      read(async () => {
        const r = await range(q);
        return { range: r.range, trend: await trend(r) };
      }),
    freshness: () => read(async () => ({ freshness: await freshness() })),
    saveOfficialKinds: kinds.save,
    all: (q: DashboardQuery): Promise<Dashboard> =>
      read(async () => {
        const r = await range(q);
        const h = await headlineOf(r);
        const p = await people();
        const wardRows = await coverage({ ...r, group: null }, p);
        const rows = r.group === null ? wardRows : wardRows.filter((row) => row.groupId === r.group);
        const d = await demographics(r);
        return {
          meta: await meta(),
          range: r.range,
          headline: h.headline,
          coverage: rows,
          coverageCounted: countedOf(p),
          ranking: await ranking(r, p, wardRows),
          ...(await courses(r)),
          demographics: d.rows,
          demographicsAsOf: d.asOf,
          trend: await trend(r),
          freshness: await freshness(),
          kinds: h.kinds,
        };
      }),
  };
}

export type DashboardQueries = ReturnType<typeof createDashboard>;
