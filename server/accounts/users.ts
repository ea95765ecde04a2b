// Staff accounts (guides, reviewers, admins) in the users table, on the
// engine. Used by the login route, the first-run admin bootstrap and the
// accounts CLI.
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import type { StaffRole, StaffUser } from '../../shared/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { authSessions, users } from '../db/schema/index.ts';
import { PRODUCTION_HASHER, type PasswordHasher } from '../auth/passwords.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';

export type UserRow = typeof users.$inferSelect;
export type Team = 'cns' | 'da06';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function toStaffUser(row: UserRow): StaffUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, team: row.team ?? null };
}

/** Usernames are compared lower-case so "Lan" and "lan" are one account. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

export async function findUserByUsername(engine: Engine, username: string): Promise<UserRow | undefined> {
  return engine.db.select().from(users).where(eq(users.username, normalizeUsername(username))).get();
}

export async function listUsers(engine: Engine): Promise<UserRow[]> {
  return engine.db.select().from(users).orderBy(users.username);
}

export async function hasAdmin(engine: Engine): Promise<boolean> {
  return (await engine.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1).get()) !== undefined;
}

/**
 * The one place a users row is written. `disabled` is always given: the
 * SQLite schema's default for it is the SQL `0`, which the builder writes
 * into the INSERT when the value is left out, and PostgreSQL refuses an
 * integer for its boolean column.
 */
export async function insertUser(engine: Engine, row: Omit<UserRow, 'disabled' | 'disabledAt'> & Partial<Pick<UserRow, 'disabled' | 'disabledAt'>>): Promise<UserRow> {
  const full: UserRow = { ...row, disabled: row.disabled ?? false, disabledAt: row.disabledAt ?? null };
  await engine.db.insert(users).values(full);
  return full;
}

export interface NewUser {
  username: string;
  password: string;
  role: StaffRole;
  team?: Team | null;
  displayName?: string;
}

export async function createUser(engine: Engine, input: NewUser, now: number = Date.now(), hasher: PasswordHasher = PRODUCTION_HASHER): Promise<UserRow> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw new Error('Username must be 2–64 characters: lower-case letters, digits, ".", "_" or "-"');
  }
  await assertPasswordAllowed(input.password, username);
  if (await findUserByUsername(engine, username)) throw new Error(`User "${username}" already exists`);
  return insertUser(engine, {
    id: uuidv7(now),
    username,
    displayName: input.displayName?.trim() || username,
    role: input.role,
    team: input.team ?? null,
    passwordHash: await hasher.hash(input.password),
    createdAt: now,
  });
}

export async function setPassword(engine: Engine, username: string, password: string, hasher: PasswordHasher = PRODUCTION_HASHER): Promise<void> {
  const user = await findUserByUsername(engine, username);
  if (!user) throw new Error(`No user "${normalizeUsername(username)}"`);
  await assertPasswordAllowed(password, user.username);
  const passwordHash = await hasher.hash(password);
  // A new password also ends every open session (a lost phone stays logged in otherwise).
  await engine.transaction(async (tx) => {
    await tx.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.db.delete(authSessions).where(eq(authSessions.userId, user.id));
  });
}
