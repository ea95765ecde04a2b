// The LED screens' playlists and heartbeats (table display_screens), and the
// time each was on per day (display_days), counted from the heartbeats.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { displaySlideSchema, type Display, type DisplayHours, type DisplayInput, type DisplaySlide } from '../../shared/displays/schema.ts';
import type { Db } from '../db/open.ts';
import { displayDays, displayScreens } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';
import { onTimeByDay } from './on-time.ts';

/** A screen polls every minute; writing its heartbeat at most this often keeps polls from being writes. */
const HEARTBEAT_WRITE_MS = 30_000;
const slidesOf = (json: string): DisplaySlide[] => displaySlideSchema.array().parse(JSON.parse(json));
/** Hours to a tenth. */
const tenths = (ms: number) => Math.round(ms / 360_000) / 10;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createDisplayStore(db: Db, now: () => number) {
  const toDisplay = (row: typeof displayScreens.$inferSelect): Display => ({
    id: row.id,
    name: row.name,
    slides: slidesOf(row.slides),
    updatedAt: new Date(row.updatedAt).toISOString(),
    lastSeenAt: iso(row.lastSeenAt),
  });
  return {
    list: (): Display[] => db.select().from(displayScreens).orderBy(asc(displayScreens.name)).all().map(toDisplay),
    get: (id: string): Display | undefined => {
      const row = db.select().from(displayScreens).where(eq(displayScreens.id, id)).get();
      return row ? toDisplay(row) : undefined;
    },
    save: (id: string, input: DisplayInput, by: string): Display => {
      const at = now();
      db.insert(displayScreens)
        .values({ id, name: input.name, slides: JSON.stringify(input.slides), updatedAt: at, updatedBy: by })
        .onConflictDoUpdate({
          target: displayScreens.id,
          set: { name: excluded(displayScreens.name), slides: excluded(displayScreens.slides), updatedAt: excluded(displayScreens.updatedAt), updatedBy: excluded(displayScreens.updatedBy) },
        })
        .run();
      return toDisplay(db.select().from(displayScreens).where(eq(displayScreens.id, id)).get()!);
    },
    remove: (id: string): boolean => db.delete(displayScreens).where(eq(displayScreens.id, id)).run().changes > 0,
    /** The screen asked for its data: note it, at most every 30 s, and add the time since the last note to its day's time on. */
    seen: (id: string): void => {
      const at = now();
      db.transaction((tx) => {
        const row = tx.select({ last: displayScreens.lastSeenAt }).from(displayScreens).where(eq(displayScreens.id, id)).get();
        if (!row || (row.last !== null && row.last > at - HEARTBEAT_WRITE_MS)) return;
        tx.update(displayScreens).set({ lastSeenAt: at }).where(eq(displayScreens.id, id)).run();
        for (const [day, ms] of onTimeByDay(row.last, at)) {
          tx.insert(displayDays)
            .values({ displayId: id, day, onMs: ms })
            .onConflictDoUpdate({ target: [displayDays.displayId, displayDays.day], set: { onMs: sql`${displayDays.onMs} + ${excluded(displayDays.onMs)}` } })
            .run();
        }
      });
    },
    /** Hours on per day (the days it was on) and in all, from `from` to `to` inclusive. */
    hours: (id: string, from: string, to: string): DisplayHours => {
      const rows = db
        .select({ day: displayDays.day, onMs: displayDays.onMs })
        .from(displayDays)
        .where(and(eq(displayDays.displayId, id), gte(displayDays.day, from), lte(displayDays.day, to)))
        .orderBy(asc(displayDays.day))
        .all();
      const total = rows.reduce((sum, r) => sum + r.onMs, 0);
      return { id, from, to, days: rows.map((r) => ({ day: r.day, hours: tenths(r.onMs) })), hours: tenths(total) };
    },
  };
}
export type DisplayStore = ReturnType<typeof createDisplayStore>;
