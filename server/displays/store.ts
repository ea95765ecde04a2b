// The LED screens' playlists and heartbeats (table display_screens).
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { displaySlideSchema, type Display, type DisplayInput, type DisplaySlide } from '../../shared/displays/schema.ts';
import type { Db } from '../db/open.ts';
import { displayScreens } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

/** A screen polls every minute; writing its heartbeat at most this often keeps polls from being writes. */
const HEARTBEAT_WRITE_MS = 30_000;
const slidesOf = (json: string): DisplaySlide[] => displaySlideSchema.array().parse(JSON.parse(json));
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
    /** The screen asked for its data: note it, at most every 30 s. */
    seen: (id: string): void => {
      const at = now();
      db.update(displayScreens)
        .set({ lastSeenAt: at })
        .where(and(eq(displayScreens.id, id), or(isNull(displayScreens.lastSeenAt), lt(displayScreens.lastSeenAt, at - HEARTBEAT_WRITE_MS))))
        .run();
    },
  };
}
export type DisplayStore = ReturnType<typeof createDisplayStore>;
