// The LED screens' playlists and heartbeats (table display_screens), and the
// time each was on per day (display_days), counted from the heartbeats since
// the screen's first counted day (hours_from): before it, hours are unknown.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { displaySlideSchema, type Display, type DisplayHours, type DisplayInput, type DisplaySlide, type ScreensHours } from '../../shared/displays/schema.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { displayDays, displayScreens } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';
import { onTimeByDay } from './on-time.ts';

/** A screen polls every minute; writing its heartbeat at most this often keeps polls from being writes. */
const HEARTBEAT_WRITE_MS = 30_000;
const slidesOf = (json: string): DisplaySlide[] => displaySlideSchema.array().parse(JSON.parse(json));
/** Hours to a tenth. */
const tenths = (ms: number) => Math.round(ms / 360_000) / 10;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createDisplayStore(engine: Engine, now: () => number) {
  const { db } = engine;
  const toDisplay = (row: typeof displayScreens.$inferSelect): Display => ({
    id: row.id,
    name: row.name,
    slides: slidesOf(row.slides),
    updatedAt: new Date(row.updatedAt).toISOString(),
    lastSeenAt: iso(row.lastSeenAt),
  });
  // A screen whose first counted day is unknown (none should be, after migration 0029) counts from today.
  const recordedFrom = (hoursFrom: string | null) => hoursFrom ?? vietnamDay(now());
  const dayRows = async (ids: string[], from: string, to: string) =>
    ids.length === 0
      ? []
      : db
          .select({ displayId: displayDays.displayId, day: displayDays.day, onMs: displayDays.onMs })
          .from(displayDays)
          .where(and(inArray(displayDays.displayId, ids), gte(displayDays.day, from), lte(displayDays.day, to)))
          .orderBy(asc(displayDays.day));
  const get = async (id: string): Promise<Display | undefined> => {
    const row = await db.select().from(displayScreens).where(eq(displayScreens.id, id)).get();
    return row ? toDisplay(row) : undefined;
  };
  return {
    list: async (): Promise<Display[]> => (await db.select().from(displayScreens).orderBy(asc(displayScreens.name))).map(toDisplay),
    get,
    save: async (id: string, input: DisplayInput, by: string): Promise<Display> => {
      const at = now();
      await db
        .insert(displayScreens)
        .values({ id, name: input.name, slides: JSON.stringify(input.slides), updatedAt: at, updatedBy: by, hoursFrom: vietnamDay(at) })
        .onConflictDoUpdate({
          target: displayScreens.id,
          set: { name: excluded(displayScreens.name), slides: excluded(displayScreens.slides), updatedAt: excluded(displayScreens.updatedAt), updatedBy: excluded(displayScreens.updatedBy) },
        });
      return (await get(id))!;
    },
    remove: async (id: string): Promise<boolean> => (await changed(db.delete(displayScreens).where(eq(displayScreens.id, id)))) > 0,
    /** The screen asked for its data: note it, at most every 30 s, and add the time since the last note to its day's time on. */
    seen: async (id: string): Promise<void> => {
      const at = now();
      await engine.transaction(async (tx) => {
        const row = await tx.db.select({ last: displayScreens.lastSeenAt }).from(displayScreens).where(eq(displayScreens.id, id)).get();
        if (!row || (row.last !== null && row.last > at - HEARTBEAT_WRITE_MS)) return;
        await tx.db.update(displayScreens).set({ lastSeenAt: at }).where(eq(displayScreens.id, id));
        for (const [day, ms] of onTimeByDay(row.last, at)) {
          await tx.db
            .insert(displayDays)
            .values({ displayId: id, day, onMs: ms })
            .onConflictDoUpdate({ target: [displayDays.displayId, displayDays.day], set: { onMs: sql`${displayDays.onMs} + ${excluded(displayDays.onMs)}` } });
        }
      });
    },
    /** Hours on per day (the days it was on) and in all, from `from` to `to` inclusive. */
    hours: async (id: string, from: string, to: string): Promise<DisplayHours> => {
      const row = await db.select({ hoursFrom: displayScreens.hoursFrom }).from(displayScreens).where(eq(displayScreens.id, id)).get();
      const rows = await dayRows([id], from, to);
      const total = rows.reduce((sum, r) => sum + r.onMs, 0);
      return { id, from, to, days: rows.map((r) => ({ day: r.day, hours: tenths(r.onMs) })), hours: tenths(total), recordedFrom: recordedFrom(row?.hoursFrom ?? null) };
    },
    /**
     * Several screens' hours over the same days (every screen without `ids`):
     * each screen's part, and per day and in all the sum of their time on,
     * rounded once. Undefined when a screen asked for does not exist.
     */
    hoursOfScreens: async (ids: string[] | undefined, from: string, to: string): Promise<ScreensHours | undefined> => {
      const screens = await db
        .select({ id: displayScreens.id, name: displayScreens.name, hoursFrom: displayScreens.hoursFrom })
        .from(displayScreens)
        .where(ids ? inArray(displayScreens.id, ids) : undefined)
        .orderBy(asc(displayScreens.name));
      if (ids && screens.length !== ids.length) return undefined;
      const rows = await dayRows(screens.map((s) => s.id), from, to);
      const byScreen = new Map<string, number>();
      const byDay = new Map<string, number>();
      for (const r of rows) {
        byScreen.set(r.displayId, (byScreen.get(r.displayId) ?? 0) + r.onMs);
        byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.onMs);
      }
      return {
        from,
        to,
        screens: screens.map((s) => ({ id: s.id, name: s.name, hours: tenths(byScreen.get(s.id) ?? 0), recordedFrom: recordedFrom(s.hoursFrom) })),
        days: [...byDay].map(([day, ms]) => ({ day, hours: tenths(ms) })),
        hours: tenths(rows.reduce((sum, r) => sum + r.onMs, 0)),
      };
    },
  };
}
export type DisplayStore = ReturnType<typeof createDisplayStore>;
