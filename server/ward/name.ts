// The ward's name, on either engine: what the public news list and the feeds
// print, without reading the rest of the profile (./profile.ts).
import { eq } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { wardProfile } from '../db/schema/index.ts';
import { WARD } from './profile.ts';

/** The profile's name; empty before a profile exists. */
export async function wardName(engine: Engine): Promise<string> {
  return (await engine.db.select({ name: wardProfile.name }).from(wardProfile).where(eq(wardProfile.id, WARD)).get())?.name ?? '';
}
