// The unit's tasks as the officer last read them: for each plan, the
// tracker of the current quarter (the server limits it to the officer's
// unit), kept in the unit database's meta so the phone shows them offline
// with the time they were read. Statuses are the server's, as of that time.
import { periodSpan, vietnamToday } from '../../../shared/plans/periods.ts';
import type { Tracker, UnitMe } from '../../../shared/units/api.ts';
import type { unitApi } from './unit-api.ts';

export interface PlanTasks {
  planId: string;
  numberSymbol: string;
  tracker: Tracker;
}
export interface KeptTasks {
  /** When the server answered (ISO time). */
  readAt: string;
  plans: PlanTasks[];
}
export const TASKS_META_KEY = 'tasks';

/** Reads every plan's tracker for this quarter; throws as the API does (offline, 401…). */
export async function readTasks(api: Pick<typeof unitApi, 'tracker'>, me: UnitMe, now: number): Promise<KeptTasks> {
  const span = periodSpan('quarter', vietnamToday(now));
  const plans = await Promise.all(me.plans.map(async (p) => ({ planId: p.id, numberSymbol: p.numberSymbol, tracker: await api.tracker(p.id, span) })));
  return { readAt: new Date(now).toISOString(), plans };
}

/** Tasks most in need of the officer first: late, then on track, then done. */
const ORDER = { none: 0, overdue: 1, 'on-track': 2, done: 3 } as const;
export const byUrgency = (tasks: Tracker['tasks']) => [...tasks].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.nextDue ?? '').localeCompare(b.nextDue ?? ''));

/** How old the kept copy is, in the largest whole unit: minutes, hours or days. */
export function ageOf(readAt: string, now: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(readAt)) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / 1440) };
}
