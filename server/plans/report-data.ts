// The figures of the report on a plan for one period, read once: the
// tracker's counts (readTracker, the same numbers the tracker screen shows),
// sub-form counts, reach sums and example titles summed in SQL
// (report-figures.ts), the annex's rows only when asked for, the movement's
// figures from the dashboard's readers, the difficulties from whatever
// register is connected, and sentences proposed from these for the assessment. The print page, the Word file and the Excel
// annex all render this one object.
import type { Plan, Unit } from '../../shared/plans/schema.ts';
import { REACH_MEASURES, type ReachMeasure } from '../../shared/plans/constants.ts';
import { reportPeriodWords, type PlanReportData, type PlanReportFigures, type ReportActivity, type ReportDifficulty, type ReportPeriod } from '../../shared/plans/report.ts';
import type { Engine } from '../db/engine/engine.ts';
import { readTracker } from '../units/tracker.ts';
import { reportFigures, type ActivityLine } from './report-figures.ts';

/** The sub-form id that marks plans and directives issued and posted (part I.1). */
export const DIRECTIVE_SUB_FORM = 'directive';
/** Activity titles quoted under each content item. */
const EXAMPLES = 3;

/** The movement's figures for a span, from the dashboard's readers. */
export type MovementReader = (span: { from: string; to: string }) => Promise<MovementFigures> | MovementFigures;
type MovementFigures = { learners: number; newLearners: number; coursesCompleted: number; certificates: number };
/** The difficulties register's entries for a plan and period; null while no register is connected. */
export type DifficultySource = (planId: string, period: ReportPeriod) => Promise<ReportDifficulty[] | null>;
export const noDifficultyRegister: DifficultySource = async () => null;

/** The movement's indicators for the ward on a plan for a period (server/indicators); absent where none is connected. */
export type IndicatorSource = (plan: Plan, period: ReportPeriod) => Promise<NonNullable<PlanReportData['indicators']>>;

export interface ReportSources {
  engine: Engine;
  units: Unit[];
  wardName: string;
  movement: MovementReader;
  difficulties: DifficultySource;
  indicators?: IndicatorSource;
  now: number;
}

const zeroReach = (): Record<ReachMeasure, number> => Object.fromEntries(REACH_MEASURES.map((m) => [m, 0])) as Record<ReachMeasure, number>;
const addReach = (into: Record<ReachMeasure, number>, reach: Record<ReachMeasure, number>) => {
  for (const m of REACH_MEASURES) into[m] += reach[m];
};

/** The report's figures (for the page and the Word file); `{ rows: true }` adds every activity row (the Excel annex, and the figures kept at issue). */
export function readPlanReportData(s: ReportSources, plan: Plan, period: ReportPeriod, o: { rows: true }): Promise<PlanReportData>;
export function readPlanReportData(s: ReportSources, plan: Plan, period: ReportPeriod, o?: { rows: false }): Promise<PlanReportFigures>;
export async function readPlanReportData(s: ReportSources, plan: Plan, period: ReportPeriod, o?: { rows: boolean }): Promise<PlanReportFigures | PlanReportData> {
  const span = { from: period.from, to: period.to };
  const read = reportFigures(s.engine);
  const run = async () => {
    const indicators = s.indicators ? await s.indicators(plan, period) : undefined;
    const difficulties = await s.difficulties(plan.id, period);
    const tracker = await readTracker(s.engine, plan, s.units, span);
    const unitName = new Map(s.units.map((u) => [u.id, u.shortName]));
    const subFormTitle = new Map(plan.forms.flatMap((f) => f.subForms.map((sf) => [sf.id, sf.title])));
    const asReport = (a: ActivityLine): ReportActivity => ({
      id: a.id,
      unitId: a.unitId,
      unit: unitName.get(a.unitId) ?? a.unitId,
      formCode: a.formCode,
      subForm: a.subFormId ? (subFormTitle.get(a.subFormId) ?? a.subFormId) : null,
      contentItems: a.contentItems,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      title: a.title,
      place: a.place,
      audiences: a.audiences,
      reach: a.reach,
      links: a.links,
      corrections: a.corrections,
    });
    const sums = await read.formSums(plan.id, span);
    const perFormTotal = (code: string) => tracker.units.reduce((n, u) => n + (u.perForm[code] ?? 0), 0);
    const forms = plan.forms.map((f) => {
      const mine = sums.filter((r) => r.formCode === f.code);
      const reach = zeroReach();
      for (const r of mine) addReach(reach, r.reach);
      return {
        code: f.code,
        title: f.title,
        activities: perFormTotal(f.code),
        subForms: f.subForms
          .map((sf) => ({ id: sf.id, title: sf.title, activities: mine.find((r) => r.subFormId === sf.id)?.activities ?? 0 }))
          .filter((sf) => sf.activities > 0),
        reach,
        guideSessions: tracker.guideSessions?.formCode === f.code ? tracker.guideSessions.sessions : null,
      };
    });
    const totalsReach = zeroReach();
    for (const r of sums) addReach(totalsReach, r.reach);
    const contentItems = [];
    for (const c of tracker.contentItems) contentItems.push({ ...c, examples: c.activities > 0 ? await read.examples(plan.id, c.code, span, EXAMPLES) : [] });
    const { learners, newLearners, coursesCompleted, certificates } = await s.movement(span);
    const movement = { learners, newLearners, coursesCompleted, certificates };
    const data: Omit<PlanReportFigures, 'proposed'> = {
      wardName: s.wardName,
      plan: { id: plan.id, numberSymbol: plan.numberSymbol, issuedOn: plan.issuedOn, issuingBody: plan.issuingBody, title: plan.title },
      period: { ...period, words: reportPeriodWords(period) },
      directives: (await read.lines(plan.id, span, DIRECTIVE_SUB_FORM)).map(asReport),
      contentItems,
      forms,
      units: tracker.units,
      movement: { guideSessions: tracker.guideSessions?.sessions ?? null, ...movement },
      totals: { activities: tracker.units.reduce((n, u) => n + u.total, 0), reach: totalsReach },
      ...(indicators ? { indicators } : {}),
      difficulties,
      generatedAt: new Date(s.now).toISOString(),
    };
    const figures: PlanReportFigures = { ...data, proposed: proposeSentences(data) };
    return o?.rows ? { ...figures, activities: (await read.lines(plan.id, span)).map(asReport) } : figures;
  };
  // One snapshot: a sync committing meanwhile is seen by every part (indicators and difficulties included) or none.
  return s.engine.transaction(run, { readOnly: true });
}

/** Part II sentences from the figures: what went well, and units, content items and forms left with nothing. */
export function proposeSentences(d: Omit<PlanReportFigures, 'proposed'>): PlanReportData['proposed'] {
  const strengths: string[] = [];
  const shortcomings: string[] = [];
  const n = (x: number) => x.toLocaleString('vi-VN');
  const formsUsed = d.forms.filter((f) => f.activities > 0);
  const itemsUsed = d.contentItems.filter((c) => c.activities > 0);
  if (d.totals.activities > 0) {
    strengths.push(
      `Trong ${d.period.words}, các đơn vị đã thực hiện ${n(d.totals.activities)} hoạt động tuyên truyền, qua ${formsUsed.length}/${d.forms.length} hình thức và ${itemsUsed.length}/${d.contentItems.length} nội dung của Kế hoạch.`,
    );
    const top = [...formsUsed].sort((a, b) => b.activities - a.activities)[0];
    strengths.push(`Hình thức được thực hiện nhiều nhất là ${top.code}. ${top.title} (${n(top.activities)} hoạt động).`);
  }
  if (d.movement.guideSessions) strengths.push(`Tổ công nghệ số cộng đồng đã tổ chức ${n(d.movement.guideSessions)} buổi hướng dẫn người dân.`);
  for (const u of d.units.filter((u) => u.total === 0)) shortcomings.push(`${u.name} (${u.shortName}) chưa ghi nhận hoạt động tuyên truyền nào trong kỳ.`);
  for (const c of d.contentItems.filter((c) => c.activities === 0)) shortcomings.push(`Nội dung ${c.code} “${c.title}” chưa được tuyên truyền trong kỳ.`);
  for (const f of d.forms.filter((f) => f.activities === 0 && !f.guideSessions)) shortcomings.push(`Hình thức ${f.code}. ${f.title} chưa có hoạt động nào trong kỳ.`);
  return { strengths, shortcomings };
}
