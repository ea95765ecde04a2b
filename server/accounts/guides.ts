// Guide accounts: a staff user with role 'guide', a team (cns = community
// digital-technology team, da06 = Project 06 working group) and the
// residential groups they serve. Assignments decide what a guide may read and
// record (see server/guide/authorize.ts).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { guideGroups, residentialGroups, unitOfficers, units } from '../db/schema/index.ts';
import { createUser, findUserByUsername, type NewUser, type Team, type UserRow } from './users.ts';

export async function groupsOf(engine: Engine, userId: string): Promise<string[]> {
  const rows = await engine.db.select({ groupId: guideGroups.groupId }).from(guideGroups).where(eq(guideGroups.userId, userId)).orderBy(asc(guideGroups.groupId));
  return rows.map((r) => r.groupId);
}

/** Throws with a readable message when a group id is not in the ward profile. */
export async function checkGroupsExist(engine: Engine, groups: readonly string[]): Promise<void> {
  const known = new Set(
    groups.length === 0 ? [] : (await engine.db.select({ id: residentialGroups.id }).from(residentialGroups).where(inArray(residentialGroups.id, [...groups]))).map((r) => r.id),
  );
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length > 0) throw new Error(`Unknown residential group(s): ${unknown.join(', ')}`);
}

export async function setGroups(engine: Engine, userId: string, groups: readonly string[]): Promise<void> {
  await checkGroupsExist(engine, groups);
  await engine.transaction(async (tx) => {
    await tx.db.delete(guideGroups).where(eq(guideGroups.userId, userId));
    if (groups.length > 0) await tx.db.insert(guideGroups).values(groups.map((groupId) => ({ userId, groupId }))).onConflictDoNothing();
  });
}

export interface NewStaff extends NewUser {
  groups?: readonly string[];
  /** A unit officer's unit (role unit only). */
  unitId?: string;
}

/** Creates any staff account; a guide needs a team and at least one group. */
export async function createStaffAccount(engine: Engine, input: NewStaff, now?: number, hasher?: PasswordHasher): Promise<UserRow> {
  const groups = [...new Set(input.groups ?? [])];
  if (await findUserByUsername(engine, input.username)) throw new Error(`User "${input.username.trim().toLowerCase()}" already exists`);
  if (input.role === 'guide') {
    if (!input.team) throw new Error('A guide needs a team: cns or da06');
    if (groups.length === 0) throw new Error('A guide needs at least one residential group');
    await checkGroupsExist(engine, groups);
  } else if (groups.length > 0) {
    throw new Error('Only guides are assigned residential groups');
  }
  if (input.role === 'unit') {
    if (!input.unitId) throw new Error('A unit officer needs a unit');
    if (!(await unitExists(engine, input.unitId))) throw new Error(`Unknown unit: ${input.unitId}`);
  } else if (input.unitId) {
    throw new Error('Only unit officers are bound to a unit');
  }
  const user = await createUser(engine, input, now, hasher);
  if (groups.length > 0) await setGroups(engine, user.id, groups);
  if (input.unitId) await engine.db.insert(unitOfficers).values({ userId: user.id, unitId: input.unitId });
  return user;
}

const unitExists = async (engine: Engine, id: string) => (await engine.db.select({ id: units.id }).from(units).where(eq(units.id, id)).get()) !== undefined;

/** A unit officer's unit, or null for every other account. */
export async function unitOfOfficer(engine: Engine, userId: string): Promise<string | null> {
  return (await engine.db.select({ unitId: unitOfficers.unitId }).from(unitOfficers).where(eq(unitOfficers.userId, userId)).get())?.unitId ?? null;
}

export async function findGuide(engine: Engine, username: string): Promise<(UserRow & { team: Team }) | undefined> {
  const user = await findUserByUsername(engine, username);
  return user?.role === 'guide' && user.team ? (user as UserRow & { team: Team }) : undefined;
}
