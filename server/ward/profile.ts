// Reads and edits the ward profile (ward_profile + residential_groups). Any
// edit by the office turns the profile from the shipped sample into the
// ward's own (is_sample = 0).
import type { z } from 'zod';
import { wardChannelSchema, type WardProfile } from '../../shared/api.ts';
import type { AdminWard } from '../../shared/ward-admin.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { residentialGroups, wardProfile } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

type Channel = z.infer<typeof wardChannelSchema>;

/** The one row of ward_profile. */
export const WARD = 1;

/** A residential group with the figures the ward entered: what the admin edits and coverage divides by. */
export const GROUP_FIGURES = {
  id: residentialGroups.id,
  name: residentialGroups.name,
  adultPopulation: residentialGroups.adultPopulation,
  households: residentialGroups.households,
  figuresAreSample: residentialGroups.figuresAreSample,
};
/** The ward's own order of its groups. */
export const GROUPS_IN_WARD_ORDER = [asc(residentialGroups.sortOrder), asc(residentialGroups.id)];

export function createWardProfile(engine: Engine, now: () => number) {
  const { db } = engine;
  const profileRow = () => db.select({ name: wardProfile.name, isSample: wardProfile.isSample, channels: wardProfile.channels }).from(wardProfile).where(eq(wardProfile.id, WARD)).get();
  const groupRows = () =>
    db
      .select(GROUP_FIGURES)
      .from(residentialGroups)
      .orderBy(...GROUPS_IN_WARD_ORDER);
  // Prepared once: checked for every synced profile that names a group.
  const groupExists = db.select({ id: residentialGroups.id }).from(residentialGroups).where(eq(residentialGroups.id, sql.placeholder('id'))).prepare();
  const markEdited = () => db.update(wardProfile).set({ isSample: false, updatedAt: now() }).where(eq(wardProfile.id, WARD)).run();

  async function admin(): Promise<AdminWard> {
    const row = await profileRow();
    const channels = row ? (JSON.parse(row.channels) as Channel[]) : [];
    return {
      name: row?.name ?? '',
      isSample: row?.isSample ?? true,
      groups: await groupRows(),
      channels,
    };
  }

  return {
    admin,
    /** The public profile: no figures, nothing personal. */
    async public(): Promise<WardProfile> {
      const { name, isSample, groups, channels } = await admin();
      return { name, isSample, groups: groups.map(({ id, name }) => ({ id, name })), channels };
    },
    hasGroup: async (id: string) => (await groupExists.get({ id })) !== undefined,
    async update(name: string, channels: Channel[]) {
      await db
        .insert(wardProfile)
        .values({ id: WARD, name, isSample: false, channels: JSON.stringify(channels), updatedAt: now() })
        .onConflictDoUpdate({
          target: wardProfile.id,
          set: { name: excluded(wardProfile.name), channels: excluded(wardProfile.channels), isSample: false, updatedAt: excluded(wardProfile.updatedAt) },
        });
    },
    /** Names the ward only: its groups and channels are still the sample's, so is_sample stays as it is. */
    async rename(name: string) {
      await db.update(wardProfile).set({ name, updatedAt: now() }).where(eq(wardProfile.id, WARD)).run();
    },
    upsertGroup: (id: string, name: string, adultPopulation: number | null, households: number | null) =>
      engine.transaction(async () => {
        await db
          .insert(residentialGroups)
          .values({
            id,
            name,
            adultPopulation,
            households,
            figuresAreSample: false,
            // New groups go last.
            sortOrder: sql`(SELECT COALESCE(MAX(${residentialGroups.sortOrder}), 0) + 1 FROM ${residentialGroups})`,
          })
          .onConflictDoUpdate({
            target: residentialGroups.id,
            set: {
              name: excluded(residentialGroups.name),
              adultPopulation: excluded(residentialGroups.adultPopulation),
              households: excluded(residentialGroups.households),
              figuresAreSample: false,
            },
          });
        await markEdited();
      }),
    /** Only groups nobody refers to yet can go; returns false otherwise. */
    deleteGroup: (id: string, inUse: (id: string) => Promise<boolean>): Promise<boolean> =>
      engine.transaction(async () => {
        if (await inUse(id)) return false;
        await db.delete(residentialGroups).where(eq(residentialGroups.id, id));
        await markEdited();
        return true;
      }),
  };
}
export type WardProfileStore = ReturnType<typeof createWardProfile>;
