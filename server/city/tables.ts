// The city's view as named tables of plain cells (the CSV and the Excel
// workbook, one sheet per table): the same figures as the screen's JSON,
// "<5" and "*" kept as they are, shares as percentages with one decimal,
// every learning figure labelled with the kinds of evidence it counts.
import type { CityTrends } from '../../shared/city/trends.ts';
import type { MeasureStanding, Standing } from '../../shared/city/targets.ts';
import { rankOf, type CityView } from '../../shared/city/view.ts';
import type { FigureKind } from '../../shared/stats/figure-kinds.ts';
import { FIGURE_KIND_WORDS } from '../../shared/stats/figure-kind-words.ts';
import type { ExportLanguage } from '../stats/labels.ts';
import type { Cell, ExportTable } from '../stats/tables.ts';
import { cityExportLabels } from './labels.ts';

/** A share (0–1) as a percentage with one decimal, as every export writes it. */
export const pct = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

export function cityTables(view: CityView, trends: CityTrends, lang: ExportLanguage): ExportTable[] {
  const L = cityExportLabels[lang];
  const words = FIGURE_KIND_WORDS[lang];
  const counted = (kinds: readonly FigureKind[]) => (kinds.length ? kinds.map((k) => words.name[k]).join('; ') : L.countedNone);
  const measure = (m: MeasureStanding | null, asShare: boolean): Cell[] =>
    m === null ? [null, null, null] : [asShare ? pct(m.target) : m.target, L.status[m.status], asShare ? pct(m.gap) : m.gap];
  const targetCells = (s: Standing): Cell[] => [s.by, s.source && L.sources[s.source], ...measure(s.coverage, true), ...measure(s.learners, false)];
  const t = view.totals;
  return [
    {
      key: 'about',
      title: L.about,
      header: [L.item, L.content],
      rows: [[L.period, `${view.range.from} – ${view.range.to}`], [L.suppressed, ''], ...(['verified', 'self-reported'] as const).map((k): Cell[] => [words.name[k], words.definition[k]])],
    },
    {
      key: 'localities',
      title: L.localities,
      header: [L.name, L.kind, L.learners, L.newLearners, L.adults, L.coverage, L.growth, L.rankCoverage, L.rankGrowth, L.counted, L.due, L.targetSource, L.coverageTarget, L.coverageStatus, L.coverageGap, L.learnersTarget, L.learnersStatus, L.learnersGap],
      rows: [
        ...view.localities.map((l): Cell[] => [
          l.name,
          L.kinds[l.kind],
          l.learners,
          l.newLearners,
          l.adults,
          pct(l.coverage),
          pct(l.growth),
          rankOf(view.ranking.byCoverage, l.slug, l.coverage),
          rankOf(view.ranking.byGrowth, l.slug, l.growth),
          counted(l.counted),
          ...targetCells(view.standing.localities[l.slug]!),
        ]),
        [L.city, null, t.learners, t.newLearners, t.adults, pct(t.coverage), null, null, null, null, ...targetCells(view.standing.city)],
      ],
    },
    {
      key: 'trend',
      title: L.trend,
      header: [L.name, ...trends.weeks.map((w) => `${L.week} ${w}`)],
      rows: [...trends.localities.map((l): Cell[] => [l.name, ...l.newLearners]), [L.total, ...trends.total]],
    },
  ];
}
