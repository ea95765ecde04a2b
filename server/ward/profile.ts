// Reads and edits the ward profile (ward_profile + residential_groups). Any
// edit by the office turns the profile from the shipped sample into the
// ward's own (is_sample = 0).
import type { z } from 'zod';
import { wardChannelSchema, type WardProfile } from '../../shared/api.ts';
import type { AdminWard } from '../../shared/ward-admin.ts';
import type { Sqlite } from '../db/open.ts';

interface GroupRow {
  id: string;
  name: string;
  adultPopulation: number | null;
  households: number | null;
  figuresAreSample: number;
}

type Channel = z.infer<typeof wardChannelSchema>;

export function createWardProfile(sqlite: Sqlite, now: () => number) {
  const profileRow = sqlite.prepare<[], { name: string; isSample: number; channels: string }>(
    'SELECT name, is_sample AS isSample, channels FROM ward_profile WHERE id = 1',
  );
  const groupRows = sqlite.prepare<[], GroupRow>(
    `SELECT id, name, adult_population AS adultPopulation, households, figures_are_sample AS figuresAreSample
       FROM residential_groups ORDER BY sort_order, id`,
  );
  const groupExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM residential_groups WHERE id = ?');
  const markEdited = sqlite.prepare<[number]>('UPDATE ward_profile SET is_sample = 0, updated_at = ? WHERE id = 1');
  const upsertProfile = sqlite.prepare<[string, string, number]>(
    `INSERT INTO ward_profile (id, name, is_sample, channels, updated_at) VALUES (1, ?, 0, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, channels = excluded.channels, is_sample = 0, updated_at = excluded.updated_at`,
  );
  const upsertGroup = sqlite.prepare<[string, string, number | null, number | null]>(
    `INSERT INTO residential_groups (id, name, adult_population, households, figures_are_sample, sort_order)
     VALUES (?, ?, ?, ?, 0, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM residential_groups))
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, adult_population = excluded.adult_population,
       households = excluded.households, figures_are_sample = 0`,
  );
  const deleteGroupRow = sqlite.prepare<[string]>('DELETE FROM residential_groups WHERE id = ?');

  function admin(): AdminWard {
    const row = profileRow.get();
    const channels = row ? (JSON.parse(row.channels) as Channel[]) : [];
    return {
      name: row?.name ?? '',
      isSample: row ? row.isSample === 1 : true,
      groups: groupRows.all().map((g) => ({ ...g, figuresAreSample: g.figuresAreSample === 1 })),
      channels,
    };
  }

  return {
    admin,
    /** The public profile: no figures, nothing personal. */
    public(): WardProfile {
      const { name, isSample, groups, channels } = admin();
      return { name, isSample, groups: groups.map(({ id, name }) => ({ id, name })), channels };
    },
    hasGroup: (id: string) => groupExists.get(id) !== undefined,
    update: sqlite.transaction((name: string, channels: Channel[]) => {
      upsertProfile.run(name, JSON.stringify(channels), now());
    }),
    upsertGroup: sqlite.transaction((id: string, name: string, adultPopulation: number | null, households: number | null) => {
      upsertGroup.run(id, name, adultPopulation, households);
      markEdited.run(now());
    }),
    /** Only groups nobody refers to yet can go; returns false otherwise. */
    deleteGroup: sqlite.transaction((id: string, inUse: (id: string) => boolean): boolean => {
      if (inUse(id)) return false;
      deleteGroupRow.run(id);
      markEdited.run(now());
      return true;
    }),
  };
}
export type WardProfileStore = ReturnType<typeof createWardProfile>;
