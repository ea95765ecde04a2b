// Synthetic outreach for trying and measuring the tracker and the report:
// a year (or any span) of activities of some units under one plan. Each unit
// mostly keeps its plan tasks (a window now and then is missed, so the
// tracker has something to show) and adds other work under its duties'
// forms. Every activity goes through the real unit record pipeline and its
// projection, recorded by one disabled demo officer per unit (no one can log
// in as them). Deterministic: the same seed gives the same data.
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { addDays, vietnamToday, windowsOver } from '../../shared/plans/periods.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import { unitOfficers, users } from '../db/schema/index.ts';
import { createUnits } from '../plans/units.ts';
import { createRecordPipeline } from '../records/pipeline.ts';
import { createUnitProjection } from './projection.ts';
import { GUIDE_SESSION_SUB_FORM } from './tracker.ts';

export interface UnitDemoOptions {
  plan: Plan;
  unitIds: string[];
  /** First and last day of the activities; none after `now`'s Vietnam day. */
  from: string;
  to: string;
  /** Other work besides the tasks, per unit and week (on average). */
  extraPerWeek: number;
  /** Share of task windows kept (the rest are missed). */
  keep?: number;
  now: number;
  seed?: number;
}

const DEVICE = 'demo-unit-device';
const PLACES: Record<string, string> = { '2.1': 'Trang mạng của phường', '2.2': 'Hội trường phường', '2.3': 'Các tuyến phố chính', '2.4': 'Đài truyền thanh phường' };
const REACH: Record<string, (r: () => number) => Record<string, number>> = {
  '2.1': (r) => ({ views: 100 + Math.floor(r() * 3000) }),
  '2.2': (r) => ({ participants: 20 + Math.floor(r() * 150) }),
  '2.3': (r) => ({ copies: 1 + Math.floor(r() * 20) }),
  '2.4': (r) => ({ minutesAired: 5 + Math.floor(r() * 25) }),
};

/** A disabled officer account per unit to record the demo under. */
async function demoOfficer(engine: Engine, unitId: string, now: number): Promise<string> {
  const { db } = engine;
  const username = `demo-${unitId}`;
  const found = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (found) return found.id;
  const id = uuidv7(now);
  await engine.transaction(async () => {
    await db.insert(users).values({ id, username, displayName: `Demo ${unitId}`, role: 'unit', team: null, passwordHash: 'demo-no-password', createdAt: now, disabled: true });
    await db.insert(unitOfficers).values({ userId: id, unitId });
  });
  return id;
}

export async function seedUnitActivities(engine: Engine, o: UnitDemoOptions): Promise<{ activities: number }> {
  const rnd = seededRandom(o.seed ?? 57);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const last = [o.to, vietnamToday(o.now)].sort()[0];
  const span = dayFromIso(last) - dayFromIso(o.from) + 1;
  if (span < 1) return { activities: 0 };
  // Demo activities name no evidence files, so no file is ever looked up.
  const records = createRecordPipeline(engine, [createUnitProjection(engine, createUnits(engine), { fileOfUnit: async () => undefined })]);
  // The movement's sessions come from guide records, never from the units' log.
  const forms = o.plan.forms.filter((f) => !f.subForms.some((s) => s.id === GUIDE_SESSION_SUB_FORM));
  const items = o.plan.contentItems.map((c) => c.code);
  let total = 0;

  for (const unitId of o.unitIds) {
    const officer = await demoOfficer(engine, unitId, o.now);
    const duty = o.plan.duties.filter((d) => d.unitId === unitId);
    const myForms = forms.filter((f) => duty.length === 0 || duty.some((d) => d.forms.includes(f.code)));
    const myItems = duty.flatMap((d) => d.contentItems);
    const planned: Array<{ on: string; formCode: string; subFormId: string | null }> = [];
    const dayIn = (from: string, to: string) => {
      const a = [from, o.from].sort()[1];
      const b = [to, last].sort()[0];
      return a > b ? null : addDays(a, Math.floor(rnd() * (dayFromIso(b) - dayFromIso(a) + 1)));
    };
    for (const task of o.plan.tasks.filter((t) => t.unitId === unitId)) {
      const windows = task.every ? windowsOver(task.every, { from: o.from, to: last }) : [{ from: task.from ?? o.from, to: task.dueOn! }];
      for (const w of windows) {
        if (rnd() > (o.keep ?? 0.85)) continue;
        for (let i = 0; i < task.atLeast; i++) {
          const on = dayIn(w.from, w.to);
          if (on) planned.push({ on, formCode: task.formCode, subFormId: task.subFormId });
        }
      }
    }
    const extra = Math.round((o.extraPerWeek * span) / 7);
    for (let i = 0; i < extra && myForms.length > 0; i++) {
      const form = pick(myForms);
      planned.push({ on: addDays(o.from, Math.floor(rnd() * span)), formCode: form.code, subFormId: form.subForms.length > 0 ? pick(form.subForms).id : null });
    }
    planned.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

    const CHUNK = 500;
    for (let at = 0; at < planned.length; at += CHUNK) {
      const batch = planned.slice(at, at + CHUNK).map((p) => {
        const form = forms.find((f) => f.code === p.formCode)!;
        const sub = form.subForms.find((s) => s.id === p.subFormId);
        const codes = [...new Set([pick(myItems.length > 0 ? myItems : items), ...(rnd() < 0.3 ? [pick(items)] : [])])];
        const item = o.plan.contentItems.find((c) => c.code === codes[0])!;
        return {
          id: uuidv7(o.now),
          type: 'activity.recorded',
          recordedBy: officer,
          deviceId: DEVICE,
          occurredAt: `${p.on}T${String(8 + Math.floor(rnd() * 9)).padStart(2, '0')}:00:00+07:00`,
          unitId,
          planId: o.plan.id,
          activityId: uuidv7(o.now),
          startsOn: p.on,
          ...(p.formCode === '2.3' && rnd() < 0.5 ? { endsOn: [addDays(p.on, 7 + Math.floor(rnd() * 21)), last].sort()[0] } : {}),
          formCode: p.formCode,
          ...(p.subFormId ? { subFormId: p.subFormId } : {}),
          contentItems: codes,
          title: `${sub?.title ?? form.title}: ${item.title}`.slice(0, 300),
          place: PLACES[p.formCode] ?? '',
          audiences: [pick(['residents', 'civil-servants', 'businesses', 'young-people', 'party-members', 'union-members'] as const)],
          reach: REACH[p.formCode]?.(rnd) ?? {},
          links: [],
        };
      });
      await engine.transaction(async (tx) => {
        const results = await records.unit.writeInTransaction(tx, { by: { id: officer, deviceId: DEVICE }, records: batch, receivedAt: o.now });
        const refused = results.find((r) => r.status !== 'accepted');
        if (refused) throw new Error(`demo activity refused: ${JSON.stringify(refused)}`);
      });
      total += batch.length;
    }
  }
  return { activities: total };
}
