// The difficulties register: a unit files what blocks its duties under a
// plan; VH-XH records how it was handled or what was proposed to the
// People's Committee. difficultiesForReport() is what the plan report's
// section III ("difficulties") reads.
import type { z } from 'zod';
import { and, asc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DifficultyStatus } from '../../shared/registers/constants.ts';
import type { Difficulty, difficultyHandlingSchema, difficultyInputSchema } from '../../shared/registers/schema.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Engine } from '../db/engine/engine.ts';
import { difficulties, units } from '../db/schema/index.ts';
import { iso, type Scope } from './scope.ts';

const COLUMNS = {
  id: difficulties.id,
  unitId: difficulties.unitId,
  unitName: units.name,
  planId: difficulties.planId,
  itemCode: difficulties.itemCode,
  summary: difficulties.summary,
  details: difficulties.details,
  raisedOn: difficulties.raisedOn,
  status: difficulties.status,
  handling: difficulties.handling,
  handledOn: difficulties.handledOn,
  proposedOn: difficulties.proposedOn,
  resolvedOn: difficulties.resolvedOn,
  filedAt: difficulties.filedAt,
  updatedAt: difficulties.updatedAt,
};
async function select(engine: Engine, where: SQL | undefined): Promise<Difficulty[]> {
  const rows = await engine.db
    .select(COLUMNS)
    .from(difficulties)
    .innerJoin(units, eq(units.id, difficulties.unitId))
    .where(where)
    .orderBy(asc(difficulties.raisedOn), asc(units.sortOrder), asc(difficulties.filedAt));
  return rows.map((r) => ({ ...r, status: r.status as DifficultyStatus, filedAt: iso(r.filedAt), updatedAt: iso(r.updatedAt) }));
}

export function listDifficulties(engine: Engine, scope: Scope, filter: { plan?: string; unit?: string }): Promise<Difficulty[]> {
  const unit = scope.unitId ?? filter.unit;
  return select(engine, and(unit ? eq(difficulties.unitId, unit) : undefined, filter.plan ? eq(difficulties.planId, filter.plan) : undefined));
}

export async function getDifficulty(engine: Engine, id: string): Promise<Difficulty | undefined> {
  return (await select(engine, eq(difficulties.id, id)))[0];
}

export async function fileDifficulty(engine: Engine, by: { userId: string; unitId: string }, input: z.output<typeof difficultyInputSchema>, at: number): Promise<Difficulty> {
  const id = uuidv7(at);
  await engine.db.insert(difficulties).values({ id, unitId: by.unitId, ...input, status: 'new', filedBy: by.userId, filedAt: at, updatedBy: by.userId, updatedAt: at });
  return (await getDifficulty(engine, id))!;
}

/** The filing unit corrects its own entry (only while nobody has handled it: the route checks). */
export async function correctDifficulty(engine: Engine, id: string, byUserId: string, input: z.output<typeof difficultyInputSchema>, at: number): Promise<Difficulty> {
  await engine.db.update(difficulties).set({ ...input, updatedBy: byUserId, updatedAt: at }).where(eq(difficulties.id, id));
  return (await getDifficulty(engine, id))!;
}

/** Records VH-XH's handling; the day it went to the People's Committee and the day it was resolved are kept once set. */
export async function handleDifficulty(engine: Engine, current: Difficulty, byUserId: string, input: z.output<typeof difficultyHandlingSchema>, at: number): Promise<Difficulty> {
  await engine.db
    .update(difficulties)
    .set({
      status: input.status,
      handling: input.handling,
      handledOn: input.handledOn,
      proposedOn: input.status === 'proposed' ? (current.proposedOn ?? input.handledOn) : current.proposedOn,
      resolvedOn: input.status === 'resolved' ? input.handledOn : null,
      updatedBy: byUserId,
      updatedAt: at,
    })
    .where(eq(difficulties.id, current.id));
  return (await getDifficulty(engine, current.id))!;
}

/** One line of the plan report's section III. */
export interface ReportDifficulty {
  id: string;
  unitId: string;
  unitName: string;
  itemCode: string | null;
  summary: string;
  status: DifficultyStatus;
  /** What VH-XH did or proposed; null while nobody has handled it yet. */
  handling: string | null;
  raisedOn: string;
  handledOn: string | null;
  proposedOn: string | null;
  resolvedOn: string | null;
}

/**
 * The plan's difficulties that were open at some time in [from, to]
 * (inclusive days, YYYY-MM-DD): raised on or before `to`, and not resolved
 * before `from`. Ordered by the day raised, then the units' order.
 */
export async function difficultiesForReport(engine: Engine, planId: string, from: string, to: string): Promise<ReportDifficulty[]> {
  const open = or(isNull(difficulties.resolvedOn), gte(difficulties.resolvedOn, from));
  return (await select(engine, and(eq(difficulties.planId, planId), lte(difficulties.raisedOn, to), open))).map((d) => ({
    id: d.id,
    unitId: d.unitId,
    unitName: d.unitName,
    itemCode: d.itemCode,
    summary: d.summary,
    status: d.status,
    handling: d.handling,
    raisedOn: d.raisedOn,
    handledOn: d.handledOn,
    proposedOn: d.proposedOn,
    resolvedOn: d.resolvedOn,
  }));
}
