// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device
// Cookies"): after a right password the browser gets a cookie naming the
// account, so later logins from that browser are counted on their own and
// someone guessing the account's password elsewhere cannot lock it out.
//
// A token is "issuedAt.nonce.mac", the mac an HMAC over the account id, the
// time and the nonce, keyed with the account's stored password hash: nothing
// new to keep secret, and a new password (a reset after a lost phone)
// withdraws every device's trust. A browser shared by several staff keeps a
// few tokens. The cookie only changes how failures are counted: it never
// logs anyone in.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_PREFIX } from '../../shared/api.ts';
import type { AppConfig } from '../context.ts';
import { LOCALITY_PREFIX } from '../localities/city-app.ts';

const DAY = 86_400_000;
/** How long a browser stays trusted after its last login. */
export const DEVICE_TTL_MS = 180 * DAY;
/** Tokens one browser keeps (staff sharing an office computer). */
const MAX_TOKENS = 4;
/** The login routes' address as the browser sees it: a locality's app answers under /l/<slug>/. */
const pathOf = (config: AppConfig) => `${config.locality ? `${LOCALITY_PREFIX}/${config.locality}` : ''}${API_PREFIX}/auth`;

interface Account {
  id: string;
  passwordHash: string;
}

const isHttps = (config: AppConfig) => config.publicOrigin?.startsWith('https://') ?? false;
/** Only sent to the login routes; `__Secure-` over https (not `__Host-`, which requires Path=/). */
export const deviceCookieName = (config: AppConfig) => (isHttps(config) ? '__Secure-hvs_device' : 'hvs_device');

const mac = (account: Account, issuedAt: string, nonce: string) =>
  createHmac('sha256', account.passwordHash).update(`hvs-device\n${account.id}\n${issuedAt}\n${nonce}`).digest('base64url');

function tokensOf(c: Context, config: AppConfig): string[] {
  return (getCookie(c, deviceCookieName(config)) ?? '').split('~').filter(Boolean).slice(0, MAX_TOKENS);
}

function belongsTo(token: string, account: Account, now: number): string | undefined {
  const [issuedAt, nonce, tag, extra] = token.split('.');
  if (!issuedAt || !nonce || !tag || extra !== undefined) return undefined;
  const issued = parseInt(issuedAt, 36);
  if (!Number.isSafeInteger(issued) || issued > now || now - issued > DEVICE_TTL_MS) return undefined;
  const expected = Buffer.from(mac(account, issuedAt, nonce));
  const given = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
}

/** The device id (nonce) of the client's valid cookie for this account, if any. */
export function trustedDevice(c: Context, config: AppConfig, account: Account, now: number): string | undefined {
  for (const token of tokensOf(c, config)) {
    const device = belongsTo(token, account, now);
    if (device) return device;
  }
  return undefined;
}

/** After a right password: a fresh token for this account first, the browser's other accounts after it. */
export function rememberDevice(c: Context, config: AppConfig, account: Account, now: number): void {
  const others = tokensOf(c, config).filter((token) => !belongsTo(token, account, now));
  const issuedAt = now.toString(36);
  const nonce = randomBytes(12).toString('base64url');
  const tokens = [`${issuedAt}.${nonce}.${mac(account, issuedAt, nonce)}`, ...others].slice(0, MAX_TOKENS);
  setCookie(c, deviceCookieName(config), tokens.join('~'), {
    httpOnly: true,
    sameSite: 'Strict',
    path: pathOf(config),
    secure: isHttps(config),
    maxAge: DEVICE_TTL_MS / 1000,
  });
}
