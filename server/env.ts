// Runtime configuration, parsed once from the environment. This is the only
// module that reads process.env: everything else receives a typed Env.
import { join } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: the ward's SQLite file in DATA_DIR. postgres://… or postgresql://…: a city's PostgreSQL database (server/db/connect.ts). */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a PostgreSQL URL (postgres://user:password@host:5432/database), or unset for the SQLite file in DATA_DIR')
    .optional(),
  /** `ward` (default): one ward, as always. `city`: the process serves a city: the home app is the city's
   * own (its staff are the city's, with the city's routes), and each locality added by the city admin is
   * served at /l/<slug>/ over its own store (server/city/deployment.ts). */
  DEPLOYMENT: z.enum(['ward', 'city']).default('ward'),
  /** A streaming replica of DATABASE_URL's database: the dashboard's and reports' read-only transactions run there (server/db/connect.ts). PostgreSQL only. */
  DATABASE_READ_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a PostgreSQL URL of a streaming replica of DATABASE_URL (postgres://user:password@replica:5432/database)')
    .optional(),
  /** Where evidence photos, scans and recordings are kept; DATA_DIR/files when unset. */
  FILES_DIR: z.string().min(1).optional(),
  /** The spot-check drawing key as 64 hex digits: the same for every process serving one PostgreSQL database. Unset: a key file made in DATA_DIR. */
  SPOT_CHECK_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits (32 random bytes, e.g. `openssl rand -hex 32`)')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The public origin (scheme://host[:port]) staff browsers use. It is the
   * origin accepted by the CSRF check, and https here turns on Secure
   * `__Host-` cookies. Needed when a reverse proxy terminates TLS. */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .refine((value) => new URL(value).origin === value.replace(/\/$/, ''), 'must be an origin only, e.g. https://hocvuso.example.vn (no path)')
    .transform((value) => new URL(value).origin)
    .optional(),
  DIST_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Only behind a reverse proxy: take the client address from the last
   * X-Forwarded-For hop (used by the login rate limit). */
  TRUST_PROXY: booleanFlag.default(false),
}).refine((env) => !env.DATABASE_READ_URL || env.DATABASE_URL, {
  path: ['DATABASE_READ_URL'],
  message: 'needs DATABASE_URL: a read replica copies a PostgreSQL primary, and the SQLite file in DATA_DIR has none (set DATABASE_URL=postgres://… to the primary, or unset DATABASE_READ_URL)',
});

export type Env = z.infer<typeof envSchema>;

/** The file store's folder: FILES_DIR, else `files` in DATA_DIR (next to the SQLite file, as before FILES_DIR existed). */
export const filesDirOf = (env: Pick<Env, 'DATA_DIR' | 'FILES_DIR'>): string => env.FILES_DIR ?? join(env.DATA_DIR, 'files');

/** Pure parse, for tests and tools. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  return envSchema.parse(cleaned);
}

/** Parse process.env or exit with a message an operator can act on. */
export function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof z.ZodError) {
      const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
      process.stderr.write(`Invalid configuration in the environment:\n${lines.join('\n')}\n`);
      process.exit(1);
    }
    throw error;
  }
}
