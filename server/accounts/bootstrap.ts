// First run: a fresh ward server has no staff at all, so create one admin
// with a random password that main.ts prints once.
import type { Db } from '../db/open.ts';
import { generatePassword } from '../auth/passwords.ts';
import { createUser, findUserByUsername, hasAdmin } from './users.ts';
import { CONSOLE_ACTOR, createAuditLog } from '../audit/log.ts';

export async function ensureAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  if (hasAdmin(db)) return undefined;
  let username = 'admin';
  // Someone may already use "admin" as a guide's name; do not touch that account.
  for (let n = 2; findUserByUsername(db, username); n++) username = `admin${n}`;
  const password = generatePassword();
  await createUser(db, { username, password, role: 'admin', displayName: 'Administrator' });
  createAuditLog(db, Date.now).record(CONSOLE_ACTOR, 'staff.created', { type: 'user', id: username }, { role: 'admin', firstRun: true });
  return { username, password };
}
