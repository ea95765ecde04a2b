// A report period as the page picks it (kind, year, which month, quarter or
// half) and as the server names it ("2025-06", "2025-Q2", "2025-H1", "2025").
import type { ReportPeriodKind } from '../../../../shared/plans/report.ts';

export interface PeriodChoice {
  kind: ReportPeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; unused for a year. */
  index: number;
}

export function periodKey(p: PeriodChoice): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'year':
      return String(p.year);
  }
}

export function periodChoice(key: string | undefined, today: Date): PeriodChoice {
  const m = key ? /^(\d{4})(?:-(\d{2})|-Q(\d)|-H(\d))?$/.exec(key) : null;
  if (!m) return { kind: 'quarter', year: today.getFullYear(), index: Math.floor(today.getMonth() / 3) + 1 };
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

/** How many choices of index a kind has. */
export const INDEX_COUNT: Record<ReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
