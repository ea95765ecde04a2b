// Failed staff logins in the audit log, so an admin can see guessing against
// an account. Only attempts whose password was checked are written (refused
// ones cost nothing and write nothing), so their number is bounded by the
// login queue. The typed username is kept only when it is an account: a
// password typed into the username field must not land in the log.
import { toStaffUser, type UserRow } from '../accounts/users.ts';
import type { LockScope } from '../auth/login-guard.ts';
import type { AppContext } from '../context.ts';
import type { AuditActor } from './log.ts';

/** The actor of a failed login whose username is no account. */
export const UNKNOWN_ACCOUNT: AuditActor = { id: null, username: '(unknown account)', role: 'none' };

export async function recordFailedLogin(ctx: AppContext, user: UserRow | undefined, address: string, locked: LockScope[]): Promise<void> {
  const actor = user ? toStaffUser(user) : UNKNOWN_ACCOUNT;
  const reason = !user ? 'unknown_account' : user.disabled ? 'account_disabled' : 'wrong_password';
  await ctx.audit.record(actor, 'auth.login_failed', undefined, { address, reason });
  for (const scope of locked) await ctx.audit.record(actor, 'auth.login_locked', undefined, { address, scope });
}
