// Staff sessions. The browser holds a random 32-byte token in an HttpOnly
// cookie; the auth_sessions table holds only its SHA-256, so a copied
// database file (a backup on a USB stick) cannot be used to log in.
import { and, eq, getTableColumns, gt, lte } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { StaffUser } from '../../shared/api.ts';
import { toStaffUser, type UserRow } from '../accounts/users.ts';
import type { AppConfig, AppContext } from '../context.ts';
import { authSessions, users } from '../db/schema/index.ts';
import { sha256Hex } from './digest.ts';

const HOUR = 3_600_000;
/** Guides work offline in the field for days; office roles get short sessions. */
export const SESSION_TTL_MS: Record<StaffUser['role'], number> = {
  guide: 30 * 24 * HOUR,
  reviewer: 12 * HOUR,
  admin: 12 * HOUR,
  // A unit officer records in the field (a banner photographed in the street) like a guide.
  unit: 30 * 24 * HOUR,
};

const isHttps = (config: AppConfig) => config.publicOrigin?.startsWith('https://') ?? false;

/** `__Host-` (Secure, Path=/, no Domain) when served over https; browsers
 * refuse Secure cookies over plain http, which is how a ward LAN may run.
 * A locality's app (config.locality) adds its slug: `__Host-` needs Path=/, so
 * the name, not the path, keeps two localities' sessions apart in one browser. */
export const sessionCookieName = (config: AppConfig) => `${isHttps(config) ? '__Host-hvs_session' : 'hvs_session'}${config.locality ? `_${config.locality}` : ''}`;

export const readSessionToken = (c: Context, config: AppConfig) => getCookie(c, sessionCookieName(config));

/** What the session store needs: the engine and the clock. */
export type SessionData = Pick<AppContext, 'engine' | 'now'>;

export async function createSession(ctx: SessionData, user: UserRow): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = ctx.now();
  const expiresAt = createdAt + SESSION_TTL_MS[user.role];
  await ctx.engine.db.insert(authSessions).values({ tokenHash: sha256Hex(token), userId: user.id, createdAt, expiresAt });
  return { token, expiresAt };
}

export async function findSessionUser(ctx: SessionData, token: string): Promise<StaffUser | undefined> {
  const row: UserRow | undefined = await ctx.engine.db
    .select(getTableColumns(users))
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, sha256Hex(token)), gt(authSessions.expiresAt, ctx.now()), eq(users.disabled, false)))
    .get();
  return row ? toStaffUser(row) : undefined;
}

export async function deleteSession(ctx: SessionData, token: string): Promise<void> {
  await ctx.engine.db.delete(authSessions).where(eq(authSessions.tokenHash, sha256Hex(token)));
}

export async function deleteExpiredSessions(ctx: SessionData): Promise<void> {
  await ctx.engine.db.delete(authSessions).where(lte(authSessions.expiresAt, ctx.now()));
}

export function setSessionCookie(c: Context, ctx: AppContext, token: string, expiresAt: number): void {
  setCookie(c, sessionCookieName(ctx.config), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(ctx.config),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, ctx: AppContext): void {
  deleteCookie(c, sessionCookieName(ctx.config), { path: '/', secure: isHttps(ctx.config) });
}
