// The city's list of localities, in the city's own store. Adding one is
// refused when its slug is taken; the slug never changes (it is printed on
// posters and in QR codes).
import { asc, eq } from 'drizzle-orm';
import type { Locality, LocalityKind, NewLocality } from '../../shared/localities/locality.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { localities } from '../db/schema/index.ts';

export class LocalityExistsError extends Error {}

const byName = new Intl.Collator('vi');

const toLocality = (row: typeof localities.$inferSelect): Locality => ({ slug: row.slug, name: row.name, kind: row.kind as LocalityKind, createdAt: new Date(row.createdAt).toISOString() });

export function createLocalityRegistry(city: Engine) {
  return {
    /** Adds a locality (validated by newLocalitySchema); LocalityExistsError when the slug is taken. */
    async add(locality: NewLocality, at: number): Promise<Locality> {
      const added = await changed(city.db.insert(localities).values({ ...locality, createdAt: at }).onConflictDoNothing());
      if (added === 0) throw new LocalityExistsError(`A locality "${locality.slug}" already exists`);
      return toLocality({ ...locality, createdAt: at });
    },
    /** In Vietnamese alphabetical order (Đ after D), the same on both engines whatever the database's collation. */
    async list(): Promise<Locality[]> {
      const rows = await city.db.select().from(localities).orderBy(asc(localities.slug));
      return rows.map(toLocality).sort((a, b) => byName.compare(a.name, b.name));
    },
    async find(slug: string): Promise<Locality | undefined> {
      const row = await city.db.select().from(localities).where(eq(localities.slug, slug)).get();
      return row && toLocality(row);
    },
  };
}

export type LocalityRegistry = ReturnType<typeof createLocalityRegistry>;
