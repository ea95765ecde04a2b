// The dashboard as named tables of plain cells: what the CSV and the Excel
// workbook contain (one sheet per table), in the chosen language. Suppressed
// counts stay "<5"; shares become percentages with one decimal.
import type { Count, Dashboard } from '../../shared/stats/api.ts';
import { AGE_BANDS, GENDER_KEYS } from '../../shared/stats/api.ts';
import { LABELS, labelOf } from '../../shared/labels.ts';
import { exportLabels, type ExportLanguage } from './labels.ts';
import { countedLabel, FIGURE_KIND_WORDS, figureKindRows, headlineLabel } from '../../shared/stats/figure-kind-words.ts';

/** A Date is a Vietnam wall-clock moment: its UTC fields are the time in Vietnam (UTC+7), as Excel shows it. */
export type Cell = string | number | Date | null;
export interface ExportTable {
  key: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** A stored UTC instant as Vietnam wall-clock time (Excel has no time zones). */
const vnTime = (iso: string): Date => new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
/** A Vietnam calendar day, YYYY-MM-DD, as a date cell. */
const vnDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const pct = (x: number | null): Cell => (x === null ? null : Math.round(x * 1000) / 10);
const n = (x: Count): Cell => x;

export function dashboardTables(d: Dashboard, lang: ExportLanguage): ExportTable[] {
  const L = exportLabels[lang];
  const names = LABELS[lang];
  const skill = (s: string | null) => (s ? labelOf(lang, 'skill', s) : '');
  const notes: Cell[][] = [[L.ward, d.meta.wardName], [L.period, `${d.range.from} – ${d.range.to}`]];
  if (d.meta.isDemo) notes.unshift([L.demo, '']);
  if (d.meta.isSampleProfile) notes.push([L.sample, '']);
  notes.push([L.suppressed, '']);
  const h = d.headline;
  const headlineKeys = ['learners', 'newLearners', 'active7', 'active30', 'selfLearners', 'assistedLearners', 'lessonsCompleted', 'selfCompletions', 'assistedCompletions', 'coursesCompleted', 'certificates', 'outcomesConfirmed', 'sessionsHeld'] as const;
  return [
    { key: 'headline', title: L.headline, header: [L.figure, L.value], rows: [...notes, ...headlineKeys.map((k) => [headlineLabel(lang, k, L.h[k], h), h[k]])] },
    {
      key: 'coverage',
      title: L.coverage,
      header: [L.group, L.adultPopulation, L.households, countedLabel(lang, L.reached, d.coverageCounted), L.reachedShare, countedLabel(lang, L.completed, d.coverageCounted), L.completedShare, L.householdsRecorded, countedLabel(lang, L.householdsFiveSkills, d.coverageCounted), L.householdShare, L.completedThisMonth, L.growthPoints],
      rows: d.coverage.map((r) => [r.name ?? L.unassigned, r.adultPopulation, r.households, n(r.reached), pct(r.reachedShare), n(r.completed), pct(r.completedShare), n(r.householdsRecorded), n(r.householdsFiveSkills), pct(r.householdShare), n(r.completedThisMonth), r.growthPoints]),
    },
    {
      key: 'ranking',
      title: L.ranking,
      header: [L.rank, L.group, countedLabel(lang, L.byCoverage, d.ranking.counted), L.rank, L.group, countedLabel(lang, L.byGrowth, d.ranking.counted)],
      rows: d.ranking.byCoverage.map((r, i) => {
        const g = d.ranking.byGrowth[i];
        return [r.rank, r.name, r.value, g?.rank ?? null, g?.name ?? null, g?.value ?? null];
      }),
    },
    {
      key: 'courses',
      title: L.courses,
      header: [L.course, L.skill, L.starts, L.completions, L.completionRate, L.lessonCompletions, L.averageScore],
      rows: d.courses.map((c) => [c.title?.[lang] ?? c.courseId, skill(c.skill), n(c.starts), n(c.completions), pct(c.completionRate), c.lessonCompletions, c.averageScore]),
    },
    {
      key: 'skills',
      title: L.skills,
      header: [L.skill, L.starts, L.completions, L.completionRate, L.lessonCompletions, L.averageScore],
      rows: d.skills.map((s) => [skill(s.skill), n(s.starts), n(s.completions), pct(s.completionRate), s.lessonCompletions, s.averageScore]),
    },
    {
      key: 'demographics',
      title: L.demographics,
      header: [`${L.ageBand} (${d.demographicsAsOf ? `${L.demographicsAsOf} ${d.demographicsAsOf}` : L.demographicsNone})`, ...GENDER_KEYS.map((g) => `${L.reachedBy}: ${names.gender[g]}`), `${L.reachedBy}: ${names.gender.total}`, ...GENDER_KEYS.map((g) => `${L.completedBy}: ${names.gender[g]}`), `${L.completedBy}: ${names.gender.total}`],
      rows: AGE_BANDS.map((band) => {
        const row = d.demographics.find((x) => x.band === band)!;
        return [names.ageBand[band], ...GENDER_KEYS.map((g) => n(row.reached[g])), n(row.reached.total), ...GENDER_KEYS.map((g) => n(row.completed[g])), n(row.completed.total)];
      }),
    },
    {
      key: 'trend',
      title: L.trend,
      header: [L.week, L.lessonCompletions, L.newLearners, L.courseCompletions],
      rows: d.trend.map((w) => [vnDay(w.week), w.lessonCompletions, n(w.newLearners), n(w.courseCompletions)]),
    },
    {
      key: 'kinds',
      title: FIGURE_KIND_WORDS[lang].title,
      header: [L.figure, L.value, L.definition],
      rows: figureKindRows(lang, d.kinds),
    },
    {
      key: 'freshness',
      title: L.freshness,
      // Officers see who synced and when, never a phone's device id.
      header: [L.guide, L.team, L.lastSync],
      rows: [
        ...d.freshness.guides.map((g) => [g.guide, g.team ? labelOf(lang, 'team', g.team) : null, g.lastSyncAt ? vnTime(g.lastSyncAt) : L.never]),
        ...(['within1Day', 'within7Days', 'within30Days', 'older'] as const).map((k): Cell[] => [L.devices[k], null, n(d.freshness.devices[k])]),
      ],
    },
  ];
}
