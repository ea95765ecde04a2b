// Budget proposals: a unit proposes line items for its work under a plan;
// VH-XH or an admin approves an amount per line (at most what was proposed)
// or refuses. Amounts are whole đồng; totals are summed here from the lines,
// never taken from the client and never stored.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { BudgetStatus } from '../../shared/registers/constants.ts';
import type { Budget } from '../../shared/registers/schema.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Engine } from '../db/engine/engine.ts';
import { budgetLines, budgetProposals, units } from '../db/schema/index.ts';
import { iso, type Scope } from './scope.ts';

type Line = Budget['lines'][number];

async function read(engine: Engine, where: SQL | undefined): Promise<Budget[]> {
  const rows = await engine.db
    .select({ p: budgetProposals, unitName: units.name })
    .from(budgetProposals)
    .innerJoin(units, eq(units.id, budgetProposals.unitId))
    .where(where)
    .orderBy(desc(budgetProposals.proposedOn), desc(budgetProposals.filedAt));
  if (rows.length === 0) return [];
  const lines = new Map<string, Line[]>();
  const ids = rows.map((r) => r.p.id);
  for (const l of await engine.db.select().from(budgetLines).where(inArray(budgetLines.proposalId, ids)).orderBy(asc(budgetLines.proposalId), asc(budgetLines.position))) {
    const list = lines.get(l.proposalId) ?? [];
    list.push({ description: l.description, quantity: l.quantity, proposedAmount: l.proposedAmount, approvedAmount: l.approvedAmount });
    lines.set(l.proposalId, list);
  }
  return rows.map(({ p, unitName }) => {
    const own = lines.get(p.id) ?? [];
    const status = p.status as BudgetStatus;
    return {
      id: p.id,
      unitId: p.unitId,
      unitName,
      planId: p.planId,
      title: p.title,
      proposedOn: p.proposedOn,
      status,
      decidedOn: p.decidedOn,
      note: p.note,
      lines: own,
      proposedTotal: own.reduce((sum, l) => sum + l.proposedAmount, 0),
      approvedTotal: status === 'proposed' ? null : own.reduce((sum, l) => sum + (l.approvedAmount ?? 0), 0),
      filedAt: iso(p.filedAt),
      updatedAt: iso(p.updatedAt),
    };
  });
}

export function listBudgets(engine: Engine, scope: Scope, filter: { plan?: string; unit?: string }): Promise<Budget[]> {
  const unit = scope.unitId ?? filter.unit;
  return read(engine, and(unit ? eq(budgetProposals.unitId, unit) : undefined, filter.plan ? eq(budgetProposals.planId, filter.plan) : undefined));
}

export const getBudget = async (engine: Engine, id: string): Promise<Budget | undefined> => (await read(engine, eq(budgetProposals.id, id)))[0];

/** The proposal and its lines in one transaction. */
export async function proposeBudget(engine: Engine, by: { userId: string; unitId: string }, input: { planId: string; title: string; proposedOn: string; lines: Array<{ description: string; quantity: number | null; proposedAmount: number }> }, at: number): Promise<Budget> {
  const id = uuidv7(at);
  await engine.transaction(async (tx) => {
    await tx.db
      .insert(budgetProposals)
      .values({ id, unitId: by.unitId, planId: input.planId, title: input.title, proposedOn: input.proposedOn, status: 'proposed', note: '', filedBy: by.userId, filedAt: at, updatedBy: by.userId, updatedAt: at });
    await tx.db
      .insert(budgetLines)
      .values(input.lines.map((l, position) => ({ proposalId: id, position, description: l.description, quantity: l.quantity, proposedAmount: l.proposedAmount, approvedAmount: null })));
  });
  return (await getBudget(engine, id))!;
}

/** The decision: the approved amount of each line (zero for a refusal), its day and note. */
export async function decideBudget(engine: Engine, id: string, byUserId: string, decision: { status: Exclude<BudgetStatus, 'proposed'>; amounts: number[]; decidedOn: string; note: string }, at: number): Promise<Budget> {
  await engine.transaction(async (tx) => {
    await tx.db.update(budgetProposals).set({ status: decision.status, decidedOn: decision.decidedOn, note: decision.note, updatedBy: byUserId, updatedAt: at }).where(eq(budgetProposals.id, id));
    for (const [position, amount] of decision.amounts.entries()) {
      await tx.db.update(budgetLines).set({ approvedAmount: amount }).where(and(eq(budgetLines.proposalId, id), eq(budgetLines.position, position)));
    }
  });
  return (await getBudget(engine, id))!;
}

