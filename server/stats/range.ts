// Turns a dashboard query into day numbers, refusing what makes no sense:
// a start after the end, a range longer than MAX_RANGE_DAYS, a group the
// ward does not have. Every refusal is a 400 with a message a person can act on.
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type DashboardQuery, type StatsRange } from '../../shared/stats/api.ts';
import { dayFromIso, dayOf, isoFromDay, monthStart } from '../../shared/stats/days.ts';
import { apiError } from '../http/errors.ts';

export interface DayRange {
  start: number;
  end: number;
  /** First day of end's month. */
  month: number;
  group: string | null;
  range: StatsRange;
}

export function resolveRange(query: DashboardQuery, now: number, hasGroup: (id: string) => boolean): DayRange {
  const end = query.to ? dayFromIso(query.to) : dayOf(now);
  const start = query.from ? dayFromIso(query.from) : end - (DEFAULT_RANGE_DAYS - 1);
  if (start > end) throw apiError(400, 'invalid_range', `"from" (${isoFromDay(start)}) is after "to" (${isoFromDay(end)})`);
  if (end - start + 1 > MAX_RANGE_DAYS) throw apiError(400, 'invalid_range', `A range may cover at most ${MAX_RANGE_DAYS} days`);
  const group = query.group ?? null;
  if (group !== null && !hasGroup(group)) throw apiError(400, 'unknown_group', `There is no residential group "${group}" in this ward`);
  const month = monthStart(end);
  return { start, end, month, group, range: { from: isoFromDay(start), to: isoFromDay(end), monthFrom: isoFromDay(month), group } };
}

/** [start, end) in epoch ms of a day range, for tables keyed by time instead of day. */
export const msBounds = (r: { start: number; end: number }): [number, number] => {
  const base = Date.UTC(1970, 0, 1) - 7 * 3_600_000;
  return [base + r.start * 86_400_000, base + (r.end + 1) * 86_400_000];
};
