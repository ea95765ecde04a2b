// Reads and writes plans (one row each: document fields as columns, the
// structure as JSON validated by shared/plans/schema.ts). Any edit of the
// shipped sample makes it the ward's own (is_sample = 0). A plan's duties
// must name units the ward has; that check needs the database, so it lives
// here rather than in the shared schema.
import { asc, desc, eq } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import type { Plan, PlanInput, PlanSummary } from '../../shared/plans/schema.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { plans, units } from '../db/schema/index.ts';

type Row = typeof plans.$inferSelect;
type Structure = Pick<Plan, 'legalBases' | 'contentItems' | 'forms' | 'duties' | 'recipients' | 'slogans' | 'tasks' | 'targets'>;

/** A duty that names a unit the ward does not have: where, and which. */
export class UnknownUnitError extends Error {
  constructor(readonly issues: Array<{ path: (string | number)[]; unitId: string }>) {
    super(issues.map((i) => `${i.path.join('.')}: no unit "${i.unitId}"; add it under Units first`).join('; '));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function toPlan(row: Row): Plan {
  const s = JSON.parse(row.structure) as Structure;
  return {
    id: row.id,
    isSample: row.isSample,
    updatedAt: iso(row.updatedAt),
    numberSymbol: row.numberSymbol,
    issuedOn: row.issuedOn,
    issuingBody: row.issuingBody,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    legalBases: s.legalBases,
    contentItems: s.contentItems,
    forms: s.forms,
    duties: s.duties,
    recipients: s.recipients,
    // Plans stored before slogans, tasks and targets existed have none.
    slogans: s.slogans ?? [],
    // Plans stored before tasks and targets existed have neither.
    tasks: s.tasks ?? [],
    targets: s.targets ?? [],
  };
}

function columnsOf(input: PlanInput) {
  const structure: Structure = {
    legalBases: input.legalBases,
    contentItems: input.contentItems,
    forms: input.forms,
    duties: input.duties,
    recipients: input.recipients,
    slogans: input.slogans,
    tasks: input.tasks,
    targets: input.targets,
  };
  return {
    numberSymbol: input.numberSymbol,
    issuedOn: input.issuedOn,
    issuingBody: input.issuingBody,
    title: input.title,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    structure: JSON.stringify(structure),
  };
}

export function createPlanStore(engine: Engine, now: () => number) {
  const { db } = engine;
  const get = async (id: string): Promise<Plan | undefined> => {
    const row = await db.select().from(plans).where(eq(plans.id, id)).get();
    return row ? toPlan(row) : undefined;
  };

  async function checkUnits(input: PlanInput): Promise<void> {
    const known = new Set((await db.select({ id: units.id }).from(units)).map((u) => u.id));
    const named = [
      ...input.duties.map((d, i) => ({ path: ['duties', i, 'unitId'], unitId: d.unitId })),
      ...input.tasks.map((t, i) => ({ path: ['tasks', i, 'unitId'], unitId: t.unitId })),
      ...input.targets.flatMap((t, i) => (t.unitId ? [{ path: ['targets', i, 'unitId'], unitId: t.unitId }] : [])),
    ];
    const issues = named.filter((n) => !known.has(n.unitId));
    if (issues.length > 0) throw new UnknownUnitError(issues);
  }

  return {
    get,
    async list(): Promise<PlanSummary[]> {
      const rows = await db.select().from(plans).orderBy(desc(plans.isSample), asc(plans.createdAt), asc(plans.id));
      return rows.map((row) => {
        const { id, isSample, numberSymbol, issuedOn, title, periodFrom, periodTo, updatedAt } = toPlan(row);
        return { id, isSample, numberSymbol, issuedOn, title, periodFrom, periodTo, updatedAt };
      });
    },
    /** Every plan in full, in list order. */
    async all(): Promise<Plan[]> {
      return (await db.select().from(plans).orderBy(desc(plans.isSample), asc(plans.createdAt), asc(plans.id))).map(toPlan);
    },
    /** Checks what only the database knows (units); throws UnknownUnitError. */
    checkUnits,
    create(input: PlanInput): Promise<Plan> {
      return engine.transaction(async () => {
        await checkUnits(input);
        const at = now();
        const id = uuidv7(at);
        await db.insert(plans).values({ id, ...columnsOf(input), isSample: false, createdAt: at, updatedAt: at });
        return (await get(id))!;
      });
    },
    /** Replaces a plan's content; undefined when there is no such plan. */
    replace(id: string, input: PlanInput): Promise<Plan | undefined> {
      return engine.transaction(async () => {
        await checkUnits(input);
        const n = await changed(db.update(plans).set({ ...columnsOf(input), isSample: false, updatedAt: now() }).where(eq(plans.id, id)));
        return n === 1 ? get(id) : undefined;
      });
    },
  };
}
export type PlanStore = ReturnType<typeof createPlanStore>;
