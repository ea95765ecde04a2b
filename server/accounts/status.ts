// Turning a staff account off and on. Disabling ends every open session at
// once (findSessionUser also refuses disabled users). An admin cannot disable
// their own account, so the ward always keeps the admin who is acting.
import type { Sqlite } from '../db/open.ts';

export function createAccountStatus(sqlite: Sqlite) {
  const update = sqlite.prepare<[number, string]>('UPDATE users SET disabled = ? WHERE id = ?');
  const endSessions = sqlite.prepare<[string]>('DELETE FROM auth_sessions WHERE user_id = ?');
  return {
    set: sqlite.transaction((userId: string, disabled: boolean) => {
      update.run(disabled ? 1 : 0, userId);
      if (disabled) endSessions.run(userId);
    }),
  };
}
