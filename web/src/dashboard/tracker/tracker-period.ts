// The period the office picks (a month, a quarter, six months, a year, or
// from–to) as the tracker's span of days. Pure, so the choices are tested
// without a browser; the boundaries come from shared/plans/periods.ts.
import { periodSpan, type PeriodKind, type Span } from '../../../../shared/plans/periods.ts';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2, by kind; unused for a year or a range. */
  part: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const PART_MONTHS: Partial<Record<PeriodKind, number>> = { month: 1, quarter: 3, half: 6 };

/** The period that holds `today`, of the kind asked for. */
export function choiceFor(kind: PeriodKind, today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const size = PART_MONTHS[kind] ?? 12;
  const monthStart = `${today.slice(0, 7)}-01`;
  return { kind, year, part: Math.floor((month - 1) / size) + 1, from: kind === 'range' ? monthStart : '', to: kind === 'range' ? today : '' };
}

/** The span of a choice, or null while a range is incomplete or reversed. */
export function spanOf(c: PeriodChoice): Span | null {
  if (c.kind === 'range') return c.from && c.to && c.from <= c.to ? { from: c.from, to: c.to } : null;
  const size = PART_MONTHS[c.kind] ?? 12;
  const firstMonth = c.kind === 'year' ? 1 : (c.part - 1) * size + 1;
  return periodSpan(c.kind, `${c.year}-${pad(firstMonth)}-01`);
}

/** How many parts a kind has in a year (months 12, quarters 4, halves 2). */
export const partsOf = (kind: PeriodKind): number => (kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half' ? 2 : 0);
