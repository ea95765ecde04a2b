// Where each unit stands on its tasks in a period, and each form against its
// target: pure, so the rules are pinned by unit tests and the server, the
// office screen and the officer's phone cannot disagree.
//
// A rhythm task has one deadline per rhythm window (week from Monday,
// calendar month, quarter, half, year) that overlaps the period, clipped to
// the task's own from/until (else the plan's period); a window's activities
// count even on its days outside the period, so a week across a month end is
// judged whole. A one-off has one deadline, its due day, counting from the
// task's start (else the plan's, else the period's). A deadline has passed
// when today (a Vietnam day) is after it. An activity counts on its first day.
import { monthsIn, RHYTHM_MONTHS, windowsOver, type Rhythm, type Span } from './periods.ts';

export const TASK_STATUSES = ['done', 'on-track', 'overdue', 'none'] as const;
/** done: every deadline in the period met; on-track: none missed, some still ahead; overdue: one passed unmet
 * though something was recorded (maybe late); none: one passed unmet and nothing of the task was recorded at all. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskRule {
  id: string;
  unitId: string;
  formCode: string;
  subFormId: string | null;
  every: Rhythm | null;
  atLeast: number;
  dueOn: string | null;
  from: string | null;
  until: string | null;
}
export interface TargetRule {
  formCode: string;
  subFormId: string | null;
  unitId: string | null;
  count: number;
  per: Rhythm;
}
/** Activities of one unit, form and sub-form that start on one day (n of them). */
export interface DayCount {
  unitId: string;
  formCode: string;
  subFormId: string | null;
  startsOn: string;
  n: number;
}
export interface PlanPeriod {
  periodFrom: string | null;
  periodTo: string | null;
}

export interface TaskState {
  taskId: string;
  unitId: string;
  status: TaskStatus;
  /** Deadlines of the task in the period, how many were met, how many passed unmet. */
  deadlines: number;
  met: number;
  missed: number;
  /** Activities that count toward these deadlines, and how many they need in all. */
  recorded: number;
  required: number;
  /** The first deadline still ahead and unmet (today included), or null. */
  nextDue: string | null;
  /** The last deadline that passed unmet, or null. */
  lastMissed: string | null;
}

const WEEK_MONTHS = 7 / (365.25 / 12);
const maxDay = (a: string, b: string | null) => (b && b > a ? b : a);
const minDay = (a: string, b: string | null) => (b && b < a ? b : a);

/** The windows whose last day is a deadline of the task within the period: [] when it does not apply then. */
export function deadlinesOf(task: TaskRule, plan: PlanPeriod, period: Span): Span[] {
  const starts = task.from ?? plan.periodFrom;
  if (task.every) {
    const ends = task.until ?? plan.periodTo;
    return windowsOver(task.every, period)
      .map((w) => ({ from: maxDay(w.from, starts), to: minDay(w.to, ends) }))
      .filter((w) => w.from <= w.to && w.to >= period.from && w.from <= period.to);
  }
  const due = task.dueOn!;
  const from = minDay(starts ?? period.from, due);
  return due >= period.from && from <= period.to ? [{ from, to: due }] : [];
}

const matches = (rule: { formCode: string; subFormId: string | null }, a: { formCode: string; subFormId: string | null }) =>
  a.formCode === rule.formCode && (rule.subFormId === null || a.subFormId === rule.subFormId);

/** How many activities of the task's unit, form and sub-form started within the span. */
export type CountIn = (task: TaskRule, span: Span) => number;

/** Every span a task's state needs counted: its deadline windows, then the period itself. */
export function countsNeeded(tasks: TaskRule[], plan: PlanPeriod, period: Span, unitIds: string[]): Array<{ task: TaskRule; span: Span }> {
  const shown = new Set(unitIds);
  return tasks.filter((t) => shown.has(t.unitId)).flatMap((task) => {
    const windows = deadlinesOf(task, plan, period);
    return windows.length === 0 ? [] : [...windows.map((span) => ({ task, span })), { task, span: period }];
  });
}

/** Counting from a list of activities by first day (tests, small lists). */
export const countFrom = (activities: DayCount[]): CountIn => (task, span) =>
  activities.reduce((sum, a) => (a.unitId === task.unitId && matches(task, a) && a.startsOn >= span.from && a.startsOn <= span.to ? sum + a.n : sum), 0);

/** Each task's state in the period, for the given units' tasks; tasks with no deadline in the period are left out. */
export function taskStates(input: { tasks: TaskRule[]; plan: PlanPeriod; period: Span; today: string; unitIds: string[]; count: CountIn }): TaskState[] {
  const shown = new Set(input.unitIds);
  const out: TaskState[] = [];
  for (const task of input.tasks) {
    if (!shown.has(task.unitId)) continue;
    const windows = deadlinesOf(task, input.plan, input.period);
    if (windows.length === 0) continue;
    let met = 0;
    let missed = 0;
    let recorded = 0;
    let nextDue: string | null = null;
    let lastMissed: string | null = null;
    for (const w of windows) {
      const n = input.count(task, w);
      recorded += n;
      if (n >= task.atLeast) met++;
      else if (w.to < input.today) {
        missed++;
        lastMissed = w.to;
      } else nextDue ??= w.to;
    }
    // Late work is still work: "none" only when nothing of the task was recorded in its windows or the period.
    const anything = recorded > 0 || input.count(task, input.period) > 0;
    const status: TaskStatus = missed > 0 ? (anything ? 'overdue' : 'none') : met === windows.length ? 'done' : 'on-track';
    out.push({ taskId: task.id, unitId: task.unitId, status, deadlines: windows.length, met, missed, recorded, required: task.atLeast * windows.length, nextDue, lastMissed });
  }
  return out;
}

export interface TargetState {
  formCode: string;
  subFormId: string | null;
  unitId: string | null;
  /** The target scaled to the period (a yearly 48 is 4 in a month), at least 1. */
  expected: number;
  /** Activities starting in the period (of the unit, or of every unit shown). */
  actual: number;
}

/** Activities of one unit, form and sub-form that started in the period. */
export type FormCount = Omit<DayCount, 'startsOn'>;

/** Each target scaled to the period, against what started in it (`counts`: of the period, per unit, form, sub-form). */
export function targetStates(input: { targets: TargetRule[]; period: Span; counts: FormCount[] }): TargetState[] {
  const months = monthsIn(input.period);
  return input.targets.map((t) => {
    const perMonths = t.per === 'week' ? WEEK_MONTHS : RHYTHM_MONTHS[t.per];
    const actual = input.counts.reduce((sum, a) => (matches(t, a) && (t.unitId === null || a.unitId === t.unitId) ? sum + a.n : sum), 0);
    return { formCode: t.formCode, subFormId: t.subFormId, unitId: t.unitId, expected: Math.max(1, Math.round((t.count * months) / perMonths)), actual };
  });
}

