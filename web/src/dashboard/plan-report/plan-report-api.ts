// The report on a plan: its calls (staff cookie session), loaded with its page only.
import type { PlanReport, PlanReportText } from '../../../../shared/plans/report.ts';
import { staffRequest, withQuery } from '../../net/http.ts';

const base = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}`;

export const planReportApi = {
  read: (planId: string, period: string) => staffRequest<PlanReport>(withQuery(`${base(planId)}/report`, { period })),
  save: (planId: string, period: string, text: PlanReportText) => staffRequest<PlanReport>(`${base(planId)}/report/text`, { method: 'PUT', json: { period, ...text } }),
  issue: (planId: string, period: string, number: string, issuedOn: string) =>
    staffRequest<PlanReport>(`${base(planId)}/report/issue`, { method: 'POST', json: { period, number, issuedOn } }),
  docxUrl: (planId: string, period: string) => withQuery(`${base(planId)}/report.docx`, { period }),
  annexUrl: (planId: string, period: string) => withQuery(`${base(planId)}/report/annex.xlsx`, { period }),
};
