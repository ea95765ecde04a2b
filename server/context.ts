// What every route module receives: the database, configuration and a few
// injectable services (clock, logger) so tests can run the real app in-process.
import type { Context } from 'hono';
import type { PasswordHasher, ScryptParams } from './auth/passwords.ts';
import type { StaffUser } from '../shared/api.ts';
import type { Db, Sqlite } from './db/open.ts';
import type { Engine } from './db/engine/engine.ts';
import type { Logger } from './logger.ts';
import type { LoginGuard, LoginLimits } from './auth/login-guard.ts';
import type { HashQueue } from './auth/hash-queue.ts';
import type { RequestLimits } from './http/request-limits.ts';
import type { AuditLog } from './audit/log.ts';
import type { PlausibilityLimits } from '../shared/integrity/plausibility.ts';

export interface AppConfig {
  version: string;
  /** Origin staff browsers use; also turns on Secure __Host- cookies when https. */
  publicOrigin?: string;
  /** Built PWA to serve; without it only the API is served. */
  distDir?: string;
  /** Where the file store keeps its files (FILES_DIR); beside the SQLite file when omitted; required on PostgreSQL. */
  filesDir?: string;
  /** The locality this app serves in a city deployment (its slug; the app answers at /l/<slug>/). Its staff
   * cookies carry it, so one browser stays logged in to several localities, each only in its own. */
  locality?: string;
  /** Trust X-Forwarded-For (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Per-learner and per-address request limits of sync, registration and
   * recovery; defaults (DEFAULT_REQUEST_LIMITS) leave room for a whole ward
   * behind one carrier NAT address. */
  requestLimits?: Partial<RequestLimits>;
  /** scrypt cost of staff passwords: production strength (OWASP_SCRYPT) unless a test lowers it. */
  passwordCost?: ScryptParams;
  /** Wrong-password limits of staff login (DEFAULT_LOGIN_LIMITS unless a test lowers them). */
  loginLimits?: Partial<LoginLimits>;
  /** Plausibility thresholds (shared/integrity/plausibility.ts); tests lower them. */
  plausibility?: Partial<PlausibilityLimits>;
}

export interface AppContext {
  /** The data on either engine (server/db/engine): what new and converted code uses. */
  engine: Engine;
  /** SQLite only: the synchronous builder and connection that code not yet on the engine still uses.
   * On PostgreSQL there are none: reading either throws (db/sqlite-only.ts), which stops the start. */
  db: Db;
  sqlite: Sqlite;
  config: AppConfig;
  now: () => number;
  logger: Logger;
  clientIp: (c: Context) => string;
  /** Who may try a staff password now, and the fair queue the checks wait in. */
  login: { guard: LoginGuard; queue: HashQueue };
  /** Who did what when, for guide and admin actions (audit/log.ts). */
  audit: AuditLog;
  /** Staff password hashing at the configured cost. */
  passwords: PasswordHasher;
}

/** Hono environment: what auth middleware leaves for handlers. */
export type AppEnv = {
  Variables: {
    learnerId: string;
    staff: StaffUser;
  };
};
