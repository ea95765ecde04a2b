// The spans a tracker is read for (a month, a quarter, six months, a year,
// or any from–to) and the rhythm windows a task's deadlines fall on (weeks
// from Monday, calendar months, quarters, halves, years). Days are Vietnam
// calendar days ('YYYY-MM-DD'); pure and zod-free, so the office screen, the
// unit officer's phone and the server agree on every boundary.
import { dayFromIso, dayOf, isoFromDay, weekStart } from '../stats/days.ts';

export const RHYTHMS = ['week', 'month', 'quarter', 'half', 'year'] as const;
export type Rhythm = (typeof RHYTHMS)[number];

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Span {
  from: string;
  to: string;
}

/** The Vietnam calendar day of an instant (UTC+7, no daylight saving). */
export const vietnamToday = (ms: number): string => isoFromDay(dayOf(ms));

export const addDays = (iso: string, n: number): string => isoFromDay(dayFromIso(iso) + n);

const MONTHS: Record<Exclude<Rhythm, 'week'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM-DD' of the month's last day; setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999. */
function monthEnd(year: number, month0: number): string {
  const d = new Date(0);
  d.setUTCFullYear(year, month0 + 1, 0);
  return `${String(year).padStart(4, '0')}-${pad(month0 + 1)}-${pad(d.getUTCDate())}`;
}

/** The rhythm window (its first and last day) that holds `day`. */
export function windowOf(rhythm: Rhythm, day: string): Span {
  if (rhythm === 'week') {
    const start = weekStart(dayFromIso(day));
    return { from: isoFromDay(start), to: isoFromDay(start + 6) };
  }
  const year = Number(day.slice(0, 4));
  const month0 = Number(day.slice(5, 7)) - 1;
  const size = MONTHS[rhythm];
  const first = month0 - (month0 % size);
  return { from: `${String(year).padStart(4, '0')}-${pad(first + 1)}-01`, to: monthEnd(year, first + size - 1) };
}

/** The rhythm windows that overlap [from, to], in order. */
export function windowsOver(rhythm: Rhythm, span: Span): Span[] {
  const out: Span[] = [];
  for (let w = windowOf(rhythm, span.from); w.from <= span.to; w = windowOf(rhythm, addDays(w.to, 1))) out.push(w);
  return out;
}

/** A period the tracker offers: `at` is a day inside it (for 'range', from and to are given). */
export function periodSpan(kind: PeriodKind, at: string, range?: Span): Span {
  if (kind === 'range') {
    if (!range) throw new Error('a range needs from and to');
    return range;
  }
  return windowOf(kind, at);
}

/** Months in a span: whole calendar months when it is made of them, else its days over an average month. */
export function monthsIn(span: Span): number {
  const first = span.from.endsWith('-01');
  const last = windowOf('month', span.to).to === span.to;
  if (first && last) {
    const [y0, m0] = [Number(span.from.slice(0, 4)), Number(span.from.slice(5, 7))];
    const [y1, m1] = [Number(span.to.slice(0, 4)), Number(span.to.slice(5, 7))];
    return (y1 - y0) * 12 + (m1 - m0) + 1;
  }
  return (dayFromIso(span.to) - dayFromIso(span.from) + 1) / (365.25 / 12);
}

export const RHYTHM_MONTHS = MONTHS;
