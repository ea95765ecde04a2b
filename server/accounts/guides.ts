// Guide accounts: a staff user with role 'guide', a team (cns = community
// digital-technology team, da06 = Project 06 working group) and the
// residential groups they serve. Assignments decide what a guide may read and
// record (see server/guide/authorize.ts).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { guideGroups, residentialGroups, unitOfficers, units } from '../db/schema/index.ts';
import { setOfficerUnit } from '../plans/units.ts';
import { engineOfSqlite } from '../db/engine/sqlite.ts';
import { createUser, findUserByUsername, type NewUser, type Team, type UserRow } from './users.ts';

export function groupsOf(db: Db, userId: string): string[] {
  return db
    .select({ groupId: guideGroups.groupId })
    .from(guideGroups)
    .where(eq(guideGroups.userId, userId))
    .orderBy(asc(guideGroups.groupId))
    .all()
    .map((r) => r.groupId);
}

/** Throws with a readable message when a group id is not in the ward profile. */
export function checkGroupsExist(db: Db, groups: readonly string[]): void {
  const known = new Set(
    groups.length === 0 ? [] : db.select({ id: residentialGroups.id }).from(residentialGroups).where(inArray(residentialGroups.id, [...groups])).all().map((r) => r.id),
  );
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length > 0) throw new Error(`Unknown residential group(s): ${unknown.join(', ')}`);
}

export function setGroups(db: Db, userId: string, groups: readonly string[]): void {
  checkGroupsExist(db, groups);
  db.transaction((tx) => {
    tx.delete(guideGroups).where(eq(guideGroups.userId, userId)).run();
    if (groups.length > 0) tx.insert(guideGroups).values(groups.map((groupId) => ({ userId, groupId }))).onConflictDoNothing().run();
  });
}

export interface NewStaff extends NewUser {
  groups?: readonly string[];
  /** A unit officer's unit (role unit only). */
  unitId?: string;
}

/** Creates any staff account; a guide needs a team and at least one group. */
export async function createStaffAccount(db: Db, input: NewStaff, now?: number, hasher?: PasswordHasher): Promise<UserRow> {
  const groups = [...new Set(input.groups ?? [])];
  if (findUserByUsername(db, input.username)) throw new Error(`User "${input.username.trim().toLowerCase()}" already exists`);
  if (input.role === 'guide') {
    if (!input.team) throw new Error('A guide needs a team: cns or da06');
    if (groups.length === 0) throw new Error('A guide needs at least one residential group');
    checkGroupsExist(db, groups);
  } else if (groups.length > 0) {
    throw new Error('Only guides are assigned residential groups');
  }
  if (input.role === 'unit') {
    if (!input.unitId) throw new Error('A unit officer needs a unit');
    if (!unitExists(db, input.unitId)) throw new Error(`Unknown unit: ${input.unitId}`);
  } else if (input.unitId) {
    throw new Error('Only unit officers are bound to a unit');
  }
  const user = await createUser(db, input, now, hasher);
  if (groups.length > 0) setGroups(db, user.id, groups);
  if (input.unitId) await setOfficerUnit(engineOfSqlite(db.$client), user.id, input.unitId);
  return user;
}

const unitExists = (db: Db, id: string) => db.select({ id: units.id }).from(units).where(eq(units.id, id)).get() !== undefined;

/** A unit officer's unit, or null for every other account. */
export function unitOfOfficer(db: Db, userId: string): string | null {
  return db.select({ unitId: unitOfficers.unitId }).from(unitOfficers).where(eq(unitOfficers.userId, userId)).get()?.unitId ?? null;
}

export function findGuide(db: Db, username: string): (UserRow & { team: Team }) | undefined {
  const user = findUserByUsername(db, username);
  return user?.role === 'guide' && user.team ? (user as UserRow & { team: Team }) : undefined;
}
