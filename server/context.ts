// What every route module receives: the database, configuration and a few
// injectable services (clock, logger) so tests can run the real app in-process.
import type { Context } from 'hono';
import type { PasswordHasher, ScryptParams } from './auth/passwords.ts';
import type { StaffUser } from '../shared/api.ts';
import type { Db, Sqlite } from './db/open.ts';
import type { Logger } from './logger.ts';
import type { FailureLimiter } from './auth/rate-limit.ts';
import type { RequestLimits } from './http/request-limits.ts';
import type { AuditLog } from './audit/log.ts';

export interface AppConfig {
  version: string;
  /** Origin staff browsers use; also turns on Secure __Host- cookies when https. */
  publicOrigin?: string;
  /** Built PWA to serve; without it only the API is served. */
  distDir?: string;
  /** Trust X-Forwarded-For (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Per-learner and per-address request limits of sync, registration and
   * recovery; defaults (DEFAULT_REQUEST_LIMITS) leave room for a whole ward
   * behind one carrier NAT address. */
  requestLimits?: Partial<RequestLimits>;
  /** scrypt cost of staff passwords: production strength (OWASP_SCRYPT) unless a test lowers it. */
  passwordCost?: ScryptParams;
}

export interface AppContext {
  db: Db;
  sqlite: Sqlite;
  config: AppConfig;
  now: () => number;
  logger: Logger;
  clientIp: (c: Context) => string;
  loginLimits: { byUsername: FailureLimiter; byIp: FailureLimiter };
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
