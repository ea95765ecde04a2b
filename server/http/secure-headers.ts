// Security headers on every response: the PWA's shell and files, the
// server-rendered /verify page and the API. The Content-Security-Policy is
// what the built app needs and nothing more, checked in real Chromium by the
// CSP browser test, which fails on any violation:
// - scripts only from this origin: the build has no inline script (the
//   first visit's shell carries one, allowed by its hash alone), the
//   service worker is registered from a bundled module, and zod is told not
//   to probe for eval (web/src/app/zod-no-eval.ts);
// - styles only from this origin: the app sets styles through the CSSOM
//   (allowed) and its templates and QR SVGs carry no style attributes;
// - images only from this origin: icons are files, QR codes inline SVG, and
//   the certificate picture is drawn on a canvas and shared as a file;
// - the QR scan screen needs the camera and guide mode's lesson recorder the
//   microphone, so Permissions-Policy allows those for this origin only and
//   denies the other powerful features;
// - audio from this origin and from blob: URLs (a recording listened back on
//   the guide's phone, a downloaded one played from the resident's cache).
// A route that set its own, stricter policy (the /verify page allows no script
// at all) keeps it; frame-ancestors is added to it when missing. The news
// snippet (/feeds/news.html) allows any framer and so sends no X-Frame-Options.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from '../context.ts';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The app's policy as header text, with the hashes of the inline styles and
 * scripts a page of its own carries (a first visit's shell inlines its
 * stylesheets and the small script that starts the app).
 */
export function appPolicyAllowingInline(hashes: { styles: readonly string[]; scripts?: readonly string[] }): string {
  const allow = (base: string[], more: readonly string[] = []) => [...base, ...more.map((h) => `'sha256-${h}'`)];
  const policy: Record<string, string[]> = {
    ...CONTENT_SECURITY_POLICY,
    scriptSrc: allow(CONTENT_SECURITY_POLICY.scriptSrc, hashes.scripts),
    styleSrc: allow(CONTENT_SECURITY_POLICY.styleSrc, hashes.styles),
  };
  return Object.entries(policy)
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
}

/** Powerful features: the camera for the QR scan screen, the microphone for guides' lesson recordings, nothing else. */
export const PERMISSIONS_POLICY = {
  camera: ['self'],
  microphone: ['self'],
  geolocation: [],
  payment: [],
  usb: [],
  serial: [],
  hid: [],
  midi: [],
  accelerometer: [],
  gyroscope: [],
  magnetometer: [],
  displayCapture: [],
  browsingTopics: [],
};

/** Six months; only sent when the public origin is https, because browsers
 * on a plain-http ward LAN would ignore it anyway and a wrong one is sticky. */
const HSTS = 'max-age=15552000';

const isHttps = (config: AppConfig) => config.publicOrigin?.startsWith('https://') ?? false;

export function secureHeadersFor(config: AppConfig): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    permissionsPolicy: PERMISSIONS_POLICY,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // Links out (the ward's portal, its channels) need no referrer at all.
    referrerPolicy: 'same-origin',
    strictTransportSecurity: isHttps(config) ? HSTS : false,
    xFrameOptions: 'DENY',
    // Keep headers a route chose for itself (the /verify page's own policy).
    overwrite: false,
  });
  return async (c, next) => {
    await headers(c, next);
    const own = c.res.headers.get('Content-Security-Policy');
    if (own && !/frame-ancestors/.test(own)) c.res.headers.set('Content-Security-Policy', `${own}; frame-ancestors 'none'`);
    // A page made to be framed (the news snippet) says so in its own policy.
    if (own && /frame-ancestors \*/.test(own)) c.res.headers.delete('X-Frame-Options');
  };
}
