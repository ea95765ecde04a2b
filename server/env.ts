// Runtime configuration, parsed once from the environment. This is the only
// module that reads process.env: everything else receives a typed Env.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
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
});

export type Env = z.infer<typeof envSchema>;

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
