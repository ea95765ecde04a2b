// Who registered from one address lately, for the plausibility rule on
// bursts of new learners (holds.ts). One process keeps them in memory
// (addresses are never stored); several processes serving a city keep them
// in the recent_registrations table, under a digest of the address and only
// for the rule's window, so a burst spread over the processes is still one
// burst.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { recentRegistrations } from '../db/schema/index.ts';
import { digest } from '../limits/windows.ts';

export interface Registration {
  learnerId: string;
  at: number;
}

export interface RecentRegistrations {
  /** Adds a registration; every registration from the address after `since`, this one included, oldest first. */
  add(address: string, learnerId: string, at: number, since: number): Promise<Registration[]>;
}

/** Addresses kept in memory at most: the oldest is forgotten first. */
const MAX_ADDRESSES = 10_000;

export function memoryRegistrations(): RecentRegistrations {
  const recent = new Map<string, Registration[]>();
  return {
    async add(address, learnerId, at, since) {
      const list = (recent.get(address) ?? []).filter((r) => r.at > since);
      list.push({ learnerId, at });
      recent.delete(address);
      recent.set(address, list);
      if (recent.size > MAX_ADDRESSES) recent.delete(recent.keys().next().value!);
      return list;
    },
  };
}

const addressKey = (address: string) => digest(`registration\n${address}`);

export function tableRegistrations(engine: Engine): RecentRegistrations {
  const t = recentRegistrations;
  return {
    async add(address, learnerId, at, since) {
      const key = addressKey(address);
      await engine.db.insert(t).values({ addressKey: key, learnerId, at }).onConflictDoNothing();
      // The address's registrations past the window are of no rule any more: gone as they are read.
      await engine.db.delete(t).where(and(eq(t.addressKey, key), lte(t.at, since)));
      return engine.db.select({ learnerId: t.learnerId, at: t.at }).from(t).where(eq(t.addressKey, key)).orderBy(asc(t.at), asc(t.learnerId));
    },
  };
}

/** Deletes registrations older than `since` from every address (now and then, by any process). */
export async function sweepRegistrations(engine: Engine, since: number): Promise<number> {
  return (await engine.run(sql`DELETE FROM ${recentRegistrations} WHERE at <= ${since}`)).changes;
}

/** Where the rule keeps registrations: the shared table when processes share a PostgreSQL database, else memory. */
export const registrationsFor = (engine: Engine): RecentRegistrations => (engine.kind === 'postgres' ? tableRegistrations(engine) : memoryRegistrations());
