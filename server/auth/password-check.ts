// One staff password check, as login and the password change make it: the
// attempt is counted first (login-guard.ts), then waits its turn in the fair
// queue (hash-queue.ts), then scrypt runs. Refusals are 429s that cost no
// hashing: `too_many_requests` while a lock lasts, `login_busy` when the
// queue has no room.
import type { UserRow } from '../accounts/users.ts';
import type { AppContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { HashQueueFull } from './hash-queue.ts';
import type { LockScope } from './login-guard.ts';

export interface PasswordCheck {
  /** The normalized username typed, whether or not it exists. */
  account: string;
  address: string;
  user: UserRow | undefined;
  password: string;
  /** A valid device cookie of this account, if the browser sent one. */
  device?: string;
}

export type CheckResult = { right: true } | { right: false; locked: LockScope[] };

export async function checkStaffPassword(ctx: AppContext, check: PasswordCheck): Promise<CheckResult> {
  const admission = await ctx.login.guard.admit(check);
  if (!admission.ok) {
    ctx.logger.warn('login refused', { ip: check.address, scope: admission.scope, retryAfter: admission.retryAfter });
    throw apiError(429, 'too_many_requests', 'Too many failed logins; try again later', { 'Retry-After': String(admission.retryAfter) });
  }
  const { ticket } = admission;
  const owner = check.device ? `device\n${check.device}` : `address\n${check.address}`;
  const busy = async (error: unknown) => {
    await ticket.abandoned();
    if (!(error instanceof HashQueueFull)) return error;
    return apiError(429, 'login_busy', 'Many logins are being checked; try again in a moment', { 'Retry-After': '1' });
  };
  let checking: Promise<boolean>;
  try {
    // Unknown usernames are checked against a dummy hash: "no such user" takes as long as "wrong password".
    checking = ctx.login.queue.run(owner, async () => ctx.passwords.verify(check.password, check.user?.passwordHash ?? (await ctx.passwords.dummyHash())));
  } catch (error) {
    throw await busy(error); // no room: refused before anything is awaited, so the count is back at once
  }
  let matches: boolean;
  try {
    matches = await checking;
  } catch (error) {
    throw await busy(error);
  }
  if (matches && check.user && !check.user.disabled) {
    await ticket.succeeded();
    return { right: true };
  }
  return { right: false, locked: await ticket.failed() };
}
