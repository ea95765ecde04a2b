// Turning a staff account off and on. Disabling ends every open session at
// once (findSessionUser also refuses disabled users). An admin cannot disable
// their own account, so the ward always keeps the admin who is acting.
import { eq } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { authSessions, users } from '../db/schema/index.ts';

export function createAccountStatus(engine: Engine, now: () => number) {
  return {
    set: (userId: string, disabled: boolean): Promise<void> =>
      engine.transaction(async (tx) => {
        // The day it went off, kept for counts as of a past day (a team's members at a period's end).
        await tx.db.update(users).set({ disabled, disabledAt: disabled ? now() : null }).where(eq(users.id, userId));
        if (disabled) await tx.db.delete(authSessions).where(eq(authSessions.userId, userId));
      }),
  };
}
