// Turning a staff account off and on. Disabling ends every open session at
// once (findSessionUser also refuses disabled users). An admin cannot disable
// their own account, so the ward always keeps the admin who is acting.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { authSessions, users } from '../db/schema/index.ts';

export function createAccountStatus(db: Db, now: () => number) {
  return {
    set: (userId: string, disabled: boolean) =>
      db.transaction((tx) => {
        // The day it went off, kept for counts as of a past day (a team's members at a period's end).
        tx.update(users).set({ disabled, disabledAt: disabled ? now() : null }).where(eq(users.id, userId)).run();
        if (disabled) tx.delete(authSessions).where(eq(authSessions.userId, userId)).run();
      }),
  };
}
