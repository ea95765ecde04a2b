// Staff accounts (guides, reviewers, admins) in the users table. Used by the
// login route, the first-run admin bootstrap and the accounts CLI.
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import type { StaffRole, StaffUser } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
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

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, normalizeUsername(username))).get();
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(users.username).all();
}

export function hasAdmin(db: Db): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1).get() !== undefined;
}

export interface NewUser {
  username: string;
  password: string;
  role: StaffRole;
  team?: Team | null;
  displayName?: string;
}

export async function createUser(db: Db, input: NewUser, now: number = Date.now(), hasher: PasswordHasher = PRODUCTION_HASHER): Promise<UserRow> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw new Error('Username must be 2–64 characters: lower-case letters, digits, ".", "_" or "-"');
  }
  await assertPasswordAllowed(input.password, username);
  if (findUserByUsername(db, username)) throw new Error(`User "${username}" already exists`);
  const row: UserRow = {
    id: uuidv7(now),
    username,
    displayName: input.displayName?.trim() || username,
    role: input.role,
    team: input.team ?? null,
    passwordHash: await hasher.hash(input.password),
    createdAt: now,
    disabled: false,
    disabledAt: null,
  };
  db.insert(users).values(row).run();
  return row;
}

export async function setPassword(db: Db, username: string, password: string, hasher: PasswordHasher = PRODUCTION_HASHER): Promise<void> {
  const user = findUserByUsername(db, username);
  if (!user) throw new Error(`No user "${normalizeUsername(username)}"`);
  await assertPasswordAllowed(password, user.username);
  const passwordHash = await hasher.hash(password);
  // A new password also ends every open session (a lost phone stays logged in otherwise).
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    tx.delete(authSessions).where(eq(authSessions.userId, user.id)).run();
  });
}
