// The report on a plan for a period as stored: the officer's parts (one row
// per plan and period, upserted), and issuing, which keeps the figures as
// issued and from then on refuses changes to the text. lockFor() says which
// issued report, if any, covers some days of a plan: the outreach log's
// projection asks it before a correction.
import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { PlanReport, PlanReportData, PlanReportText, ReportPeriod } from '../../shared/plans/report.ts';
import type { Engine } from '../db/engine/engine.ts';
import { planReports } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

export const DEFAULT_REPORT_TEXT: PlanReportText = {
  strengths: '',
  shortcomings: '',
  directions: '',
  proposals: '',
  recipients: '- Lưu: VT, VHXH.',
  signer: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
};

export interface StoredReport {
  text: PlanReportText;
  updatedAt: string | null;
  issued: PlanReport['issued'];
  /** The figures as issued; null until then. */
  snapshot: PlanReportData | null;
}

export interface ReportLock {
  periodKey: string;
  number: string;
  issuedOn: string;
}

export class ReportIssuedError extends Error {}

export function createReportStore(engine: Engine) {
  const { db } = engine;
  const where = (planId: string, key: string) => and(eq(planReports.planId, planId), eq(planReports.periodKey, key));
  // Prepared once: asked for every correction the outreach log receives.
  const lock = db
    .select({ periodKey: planReports.periodKey, number: planReports.issuedNumber, issuedOn: planReports.issuedOn })
    .from(planReports)
    .where(and(eq(planReports.planId, sql.placeholder('planId')), isNotNull(planReports.issuedAt), lte(planReports.periodFrom, sql.placeholder('to')), gte(planReports.periodTo, sql.placeholder('from'))))
    .limit(1)
    .prepare();

  const read = async (planId: string, period: ReportPeriod): Promise<StoredReport> => {
    const row = await db.select().from(planReports).where(where(planId, period.key)).get();
    if (!row) return { text: DEFAULT_REPORT_TEXT, updatedAt: null, issued: null, snapshot: null };
    const { strengths, shortcomings, directions, proposals, recipients, signer } = row;
    return {
      text: { strengths, shortcomings, directions, proposals, recipients, signer },
      updatedAt: new Date(row.updatedAt).toISOString(),
      issued:
        row.issuedAt !== null ? { number: row.issuedNumber!, issuedOn: row.issuedOn!, issuedBy: row.issuedBy!, issuedAt: new Date(row.issuedAt).toISOString() } : null,
      snapshot: row.snapshot ? (JSON.parse(row.snapshot) as PlanReportData) : null,
    };
  };

  const upsert = (planId: string, period: ReportPeriod, text: PlanReportText, by: string, at: number) =>
    db
      .insert(planReports)
      .values({ planId, periodKey: period.key, periodFrom: period.from, periodTo: period.to, ...text, updatedAt: at, updatedBy: by })
      .onConflictDoUpdate({
        target: [planReports.planId, planReports.periodKey],
        set: {
          strengths: excluded(planReports.strengths),
          shortcomings: excluded(planReports.shortcomings),
          directions: excluded(planReports.directions),
          proposals: excluded(planReports.proposals),
          recipients: excluded(planReports.recipients),
          signer: excluded(planReports.signer),
          updatedAt: excluded(planReports.updatedAt),
          updatedBy: excluded(planReports.updatedBy),
        },
      });

  return {
    read,
    /** Saves the officer's parts; an issued report is not changed (ReportIssuedError). */
    saveText(planId: string, period: ReportPeriod, text: PlanReportText, by: string, at: number): Promise<StoredReport> {
      return engine.transaction(async () => {
        if ((await read(planId, period)).issued) throw new ReportIssuedError('This report was issued; its text no longer changes');
        await upsert(planId, period, text, by, at);
        return read(planId, period);
      });
    },
    /** Marks the report issued with its number and day and keeps the figures as they are now (read in the same transaction). */
    issue(planId: string, period: ReportPeriod, issue: { number: string; issuedOn: string }, figures: () => Promise<PlanReportData>, by: string, at: number): Promise<StoredReport> {
      return engine.transaction(async () => {
        const now = await read(planId, period);
        if (now.issued) throw new ReportIssuedError(`This report was already issued as ${now.issued.number}`);
        if (!now.updatedAt) await upsert(planId, period, now.text, by, at);
        const snapshot = JSON.stringify(await figures());
        await db
          .update(planReports)
          .set({ issuedNumber: issue.number, issuedOn: issue.issuedOn, issuedBy: by, issuedAt: at, snapshot })
          .where(where(planId, period.key));
        return read(planId, period);
      });
    },
    /** The issued report of this plan covering any of the days [from, to], or undefined. */
    async lockFor(planId: string, from: string, to: string): Promise<ReportLock | undefined> {
      const row = await lock.get({ planId, from, to });
      return row ? { periodKey: row.periodKey, number: row.number!, issuedOn: row.issuedOn! } : undefined;
    },
  };
}
export type ReportStore = ReturnType<typeof createReportStore>;
