// The report to the People's Committee on one plan for one period ("Báo cáo
// kết quả thực hiện Kế hoạch số …"): the period names (month, quarter, six
// months, year), the officer's editable parts, issuing, and the answer the
// print page, the Word file and the Excel annex are made from.
import { z } from 'zod';
import { activityRowSchema } from '../units/api.ts';
import { REACH_MEASURES } from './constants.ts';
import { indicatorCellSchema } from '../indicators/api.ts';
import { BASIC_SKILLS_RULES, INDICATOR_IDS } from '../indicators/definitions.ts';

/** "2025-06" a month, "2025-Q2" a quarter, "2025-H1" six months, "2025" a year. */
export const REPORT_PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;
export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export interface ReportPeriod {
  key: string;
  kind: ReportPeriodKind;
  /** First and last day, inclusive (Vietnam calendar days). */
  from: string;
  to: string;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The period a key names, or undefined when it names none. */
export function parseReportPeriod(key: string): ReportPeriod | undefined {
  const m = REPORT_PERIOD_PATTERN.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  const span = (kind: ReportPeriodKind, first: number, last: number): ReportPeriod => ({ key, kind, from: iso(year, first, 1), to: iso(year, last, lastDay(year, last)) });
  if (m[2]) return span('month', Number(m[2]), Number(m[2]));
  if (m[3]) return span('quarter', Number(m[3]) * 3 - 2, Number(m[3]) * 3);
  if (m[4]) return span('half', m[4] === '1' ? 1 : 7, m[4] === '1' ? 6 : 12);
  return span('year', 1, 12);
}

/** The period as a report names it: "tháng 6 năm 2025", "quý II năm 2025", "6 tháng đầu năm 2025", "năm 2025". */
export function reportPeriodWords(p: ReportPeriod): string {
  const year = p.key.slice(0, 4);
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'month':
      return `tháng ${month} năm ${year}`;
    case 'quarter':
      return `quý ${['I', 'II', 'III', 'IV'][(month - 1) / 3]} năm ${year}`;
    case 'half':
      return `6 tháng ${month === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'year':
      return `năm ${year}`;
  }
}

export const reportPeriodKeySchema = z.string().refine((k) => parseReportPeriod(k) !== undefined, 'must be a period like 2025-06, 2025-Q2, 2025-H1 or 2025');
/** Without a period: the current month. */
export const reportPeriodQuerySchema = z.strictObject({ period: reportPeriodKeySchema.optional() });

/** A difficulty a unit reported, as the difficulties register gives it to the report (part III). */
export interface ReportDifficulty {
  /** The unit's short name ("TTSNC"). */
  unit: string;
  summary: string;
  status: 'open' | 'handling' | 'resolved';
  /** What was done or proposed about it. */
  handling: string;
  reportedOn: string;
  resolvedOn: string | null;
}
export const reportDifficultySchema = z.object({
  unit: z.string(),
  summary: z.string(),
  status: z.enum(['open', 'handling', 'resolved']),
  handling: z.string(),
  reportedOn: z.string(),
  resolvedOn: z.string().nullable(),
});

export const PLAN_REPORT_TEXT_MAX = 4000;
const part = z.string().max(PLAN_REPORT_TEXT_MAX, `at most ${PLAN_REPORT_TEXT_MAX} characters`);
const lines = z.string().max(1000, 'at most 1000 characters');

/** The officer's parts: II assessment (strengths, shortcomings), IV directions and proposals; recipients and signer lines. */
export const planReportTextSchema = z.strictObject({
  strengths: part,
  shortcomings: part,
  directions: part,
  proposals: part,
  /** "Nơi nhận", one entry per line. */
  recipients: lines,
  /** The signature block's title lines, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signer: lines,
});
export type PlanReportText = z.infer<typeof planReportTextSchema>;
export const PLAN_REPORT_TEXT_PARTS = ['strengths', 'shortcomings', 'directions', 'proposals'] as const;

export const planReportSaveSchema = planReportTextSchema.extend({ period: reportPeriodKeySchema });

/** Issuing: the number and symbol the ward's clerk gave it and the day it was signed. */
export const planReportIssueSchema = z.strictObject({
  period: reportPeriodKeySchema,
  number: z.string().trim().min(1).max(60),
  issuedOn: z.iso.date(),
});

const count = z.number();
const reachTotals = z.object(Object.fromEntries(REACH_MEASURES.map((m) => [m, count])) as Record<(typeof REACH_MEASURES)[number], typeof count>);

/** One activity of the period, as the annex lists it: the activity list's row, with the unit and sub-form named. */
export const reportActivitySchema = activityRowSchema
  .pick({ id: true, unitId: true, formCode: true, contentItems: true, startsOn: true, endsOn: true, title: true, place: true, audiences: true, reach: true, links: true, corrections: true })
  .extend({ unit: z.string(), subForm: z.string().nullable() });
export type ReportActivity = z.infer<typeof reportActivitySchema>;

/** The figures of a report: every number of the page, the Word file and the annex comes from here. */
export const planReportDataSchema = z.object({
  wardName: z.string(),
  plan: z.object({ id: z.string(), numberSymbol: z.string(), issuedOn: z.string().nullable(), issuingBody: z.string(), title: z.string() }),
  period: z.object({ key: z.string(), kind: z.enum(REPORT_PERIOD_KINDS), from: z.string(), to: z.string(), words: z.string() }),
  /** Activities whose sub-form is a directive (plans, directives issued and posted). */
  directives: z.array(reportActivitySchema),
  contentItems: z.array(z.object({ code: z.string(), title: z.string(), activities: count, examples: z.array(z.string()) })),
  forms: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      activities: count,
      subForms: z.array(z.object({ id: z.string(), title: z.string(), activities: count })),
      reach: reachTotals,
      /** The movement's guide sessions, counted by themselves under this form (or null). */
      guideSessions: count.nullable(),
    }),
  ),
  units: z.array(z.object({ id: z.string(), shortName: z.string(), name: z.string(), perForm: z.record(z.string(), count), total: count, lastActivityOn: z.string().nullable() })),
  /** The movement's own figures for the period (the dashboard's readers). */
  movement: z.object({ guideSessions: count.nullable(), learners: count, newLearners: count, coursesCompleted: count, certificates: count }),
  totals: z.object({ activities: count, reach: reachTotals }),
  /** The movement's indicators for the ward against the plan's targets (the indicators page's ward cells); absent in reports issued before they existed. */
  indicators: z.object({ basicSkillsRule: z.enum(BASIC_SKILLS_RULES), rows: z.array(indicatorCellSchema.extend({ id: z.enum(INDICATOR_IDS) })) }).optional(),
  activities: z.array(reportActivitySchema),
  /** Null when no difficulties register is connected; the page leaves lines to write on. */
  difficulties: z.array(reportDifficultySchema).nullable(),
  /** Sentences proposed from the figures for part II, used while the officer's part is empty. */
  proposed: z.object({ strengths: z.array(z.string()), shortcomings: z.array(z.string()) }),
  generatedAt: z.string(),
});
export type PlanReportData = z.infer<typeof planReportDataSchema>;
/** The figures without the annex's activity rows: what the page and the Word file show. */
export type PlanReportFigures = Omit<PlanReportData, 'activities'>;

export const planReportSchema = z.object({
  data: planReportDataSchema,
  text: planReportTextSchema,
  /** Null until the text was first saved. */
  updatedAt: z.string().nullable(),
  /** Set once VH-XH issued it: the figures are then the ones kept at issue, and the period's activities are locked. */
  issued: z.object({ number: z.string(), issuedOn: z.string(), issuedBy: z.string(), issuedAt: z.string() }).nullable(),
});
export type PlanReport = z.infer<typeof planReportSchema>;

/** What the report's JSON routes answer: the report without its activity rows,
 * which only the Excel annex lists (a year of a ward's outreach is megabytes). */
export const planReportAnswerSchema = planReportSchema.extend({ data: planReportDataSchema.omit({ activities: true }) });
export type PlanReportAnswer = z.infer<typeof planReportAnswerSchema>;
