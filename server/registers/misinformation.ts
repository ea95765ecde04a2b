// The register of false or misleading information seen on social networks:
// what staff saw (platform, the public link, the day), what it concerns,
// how they assessed it and what they did. No personal data: the link is the
// only pointer to the post, and the schema has no field for a name.
import type { z } from 'zod';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { MisinfoAction, MisinfoStatus, Platform } from '../../shared/registers/constants.ts';
import type { Misinfo, misinfoInputSchema } from '../../shared/registers/schema.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Engine } from '../db/engine/engine.ts';
import { misinformation } from '../db/schema/index.ts';
import { iso, type Scope } from './scope.ts';

type Row = typeof misinformation.$inferSelect;

const toEntry = (r: Row): Misinfo => ({
  id: r.id,
  unitId: r.unitId,
  planId: r.planId,
  itemCode: r.itemCode,
  platform: r.platform as Platform,
  link: r.link,
  seenOn: r.seenOn,
  description: r.description,
  assessment: r.assessment,
  action: r.action as MisinfoAction,
  correctionLink: r.correctionLink,
  actionOn: r.actionOn,
  status: r.status as MisinfoStatus,
  closedOn: r.closedOn,
  screenshotFile: r.screenshotFile,
  loggedAt: iso(r.loggedAt),
  updatedAt: iso(r.updatedAt),
});

const select = async (engine: Engine, where: SQL | undefined): Promise<Misinfo[]> =>
  (await engine.db.select().from(misinformation).where(where).orderBy(desc(misinformation.seenOn), desc(misinformation.loggedAt))).map(toEntry);

export function listMisinfo(engine: Engine, scope: Scope, filter: { plan?: string; unit?: string }): Promise<Misinfo[]> {
  const unit = scope.unitId ?? filter.unit;
  return select(engine, and(unit ? eq(misinformation.unitId, unit) : undefined, filter.plan ? eq(misinformation.planId, filter.plan) : undefined));
}

export const getMisinfo = async (engine: Engine, id: string): Promise<Misinfo | undefined> => (await select(engine, eq(misinformation.id, id)))[0];

export async function logMisinfo(engine: Engine, by: { userId: string; unitId: string | null }, input: z.output<typeof misinfoInputSchema>, at: number): Promise<Misinfo> {
  const id = uuidv7(at);
  await engine.db.insert(misinformation).values({ id, unitId: by.unitId, ...input, loggedBy: by.userId, loggedAt: at, updatedBy: by.userId, updatedAt: at });
  return (await getMisinfo(engine, id))!;
}

/** Replaces the entry's fields (the unit it belongs to stays). */
export async function updateMisinfo(engine: Engine, id: string, byUserId: string, input: z.output<typeof misinfoInputSchema>, at: number): Promise<Misinfo> {
  await engine.db.update(misinformation).set({ ...input, updatedBy: byUserId, updatedAt: at }).where(eq(misinformation.id, id));
  return (await getMisinfo(engine, id))!;
}
