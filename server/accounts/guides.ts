// Guide accounts: a staff user with role 'guide', a team (cns = community
// digital-technology team, da06 = Project 06 working group) and the
// residential groups they serve. Assignments decide what a guide may read and
// record (see server/guide/authorize.ts).
import type { Db, Sqlite } from '../db/open.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { createUser, findUserByUsername, type NewUser, type Team, type UserRow } from './users.ts';

export function groupsOf(sqlite: Sqlite, userId: string): string[] {
  return sqlite
    .prepare<[string], { groupId: string }>('SELECT group_id AS groupId FROM guide_groups WHERE user_id = ? ORDER BY group_id')
    .all(userId)
    .map((r) => r.groupId);
}

/** Throws with a readable message when a group id is not in the ward profile. */
export function checkGroupsExist(sqlite: Sqlite, groups: readonly string[]): void {
  const exists = sqlite.prepare<[string], { id: string }>('SELECT id FROM residential_groups WHERE id = ?');
  const unknown = groups.filter((g) => !exists.get(g));
  if (unknown.length > 0) throw new Error(`Unknown residential group(s): ${unknown.join(', ')}`);
}

export function setGroups(sqlite: Sqlite, userId: string, groups: readonly string[]): void {
  checkGroupsExist(sqlite, groups);
  const del = sqlite.prepare('DELETE FROM guide_groups WHERE user_id = ?');
  const add = sqlite.prepare('INSERT OR IGNORE INTO guide_groups (user_id, group_id) VALUES (?, ?)');
  sqlite.transaction(() => {
    del.run(userId);
    for (const g of groups) add.run(userId, g);
  })();
}

export interface NewStaff extends NewUser {
  groups?: readonly string[];
}

/** Creates any staff account; a guide needs a team and at least one group. */
export async function createStaffAccount(db: Db, input: NewStaff, now?: number, hasher?: PasswordHasher): Promise<UserRow> {
  const sqlite = db.$client;
  const groups = [...new Set(input.groups ?? [])];
  if (findUserByUsername(db, input.username)) throw new Error(`User "${input.username.trim().toLowerCase()}" already exists`);
  if (input.role === 'guide') {
    if (!input.team) throw new Error('A guide needs a team: cns or da06');
    if (groups.length === 0) throw new Error('A guide needs at least one residential group');
    checkGroupsExist(sqlite, groups);
  } else if (groups.length > 0) {
    throw new Error('Only guides are assigned residential groups');
  }
  const user = await createUser(db, input, now, hasher);
  if (groups.length > 0) setGroups(sqlite, user.id, groups);
  return user;
}

export function findGuide(db: Db, username: string): (UserRow & { team: Team }) | undefined {
  const user = findUserByUsername(db, username);
  return user?.role === 'guide' && user.team ? (user as UserRow & { team: Team }) : undefined;
}
