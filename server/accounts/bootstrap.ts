// First run: a fresh ward server has no staff at all, so create one admin
// with a random password. The password goes to a file only the server's user
// can read (DATA_DIR/first-admin-password.txt), never to standard output:
// that ends up in the service journal, which more people can read.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRIVATE_FILE_MODE } from '../db/private-files.ts';
import type { Engine } from '../db/engine/engine.ts';
import { generatePassword, PRODUCTION_HASHER, type PasswordHasher } from '../auth/passwords.ts';
import { createUser, findUserByUsername, hasAdmin } from './users.ts';
import { CONSOLE_ACTOR, createAuditLog, type AuditActor } from '../audit/log.ts';

export async function ensureAdmin(engine: Engine): Promise<{ username: string; password: string } | undefined> {
  if (await hasAdmin(engine)) return undefined;
  try {
    return await createFirstAdmin(engine, CONSOLE_ACTOR);
  } catch (error) {
    // Another process starting on the same PostgreSQL database made the first admin meanwhile: that one tells its operator.
    if (await hasAdmin(engine)) return undefined;
    throw error;
  }
}

/** An admin with a random password, named "admin" (or admin2, … when taken), audited without the password;
 * the password is returned once, to be handed to its holder. Also a new locality's first admin (routes/city.ts). */
export async function createFirstAdmin(engine: Engine, by: AuditActor, now: () => number = Date.now, hasher: PasswordHasher = PRODUCTION_HASHER): Promise<{ username: string; password: string }> {
  let username = 'admin';
  // Someone may already use "admin" as a guide's name; do not touch that account.
  for (let n = 2; await findUserByUsername(engine, username); n++) username = `admin${n}`;
  const password = generatePassword();
  await createUser(engine, { username, password, role: 'admin', displayName: 'Administrator' }, now(), hasher);
  await createAuditLog(engine, now).record(by, 'staff.created', { type: 'user', id: username }, { role: 'admin', firstRun: true });
  return { username, password };
}

export const FIRST_ADMIN_FILE = 'first-admin-password.txt';

/** Writes the first admin's login to a new 0600 file in the data folder; returns its absolute path. */
export function writeFirstAdminFile(dataDir: string, admin: { username: string; password: string }): string {
  const path = resolve(join(dataDir, FIRST_ADMIN_FILE));
  // 'w' with the mode: a new file is private from its first byte; an old one (an earlier first run) is replaced.
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `username: ${admin.username}\npassword: ${admin.password}\n`);
  } finally {
    closeSync(fd);
  }
  return path;
}
