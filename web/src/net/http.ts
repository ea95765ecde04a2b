// The web app's one HTTP client: every call to the ward server goes through
// request(), so a request is built one way (JSON body, who is asking) and a
// failure comes back one way. No answer at all (offline, DNS, server down,
// connection cut) is a NetworkError; an answer with an error status is an
// HttpError carrying the server's {error:{code,message}} and, on 429/503, how
// long the server asked us to wait. Screens tell "offline" apart from "log in
// again" (401), "not allowed" (403) and "busy" (429) by these alone, and turn
// them into words with error-message.ts.
// Answers are trusted in shape (same-origin server built from the shared
// schemas); we avoid shipping a validation library to phones for that.
import { apiUrl } from './api-base.ts';

/** The server answered with an error status (as opposed to no answer at all). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds the server asked us to wait (Retry-After on 429/503), if it said. */
    readonly retryAfterSec?: number,
    /** The server's error object as sent, for calls whose errors carry more (an import's rows). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** No answer: offline, DNS, server down, connection cut. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Retry-After as seconds (delta form only; the server never sends a date). */
export function parseRetryAfter(value: string | null): number | undefined {
  const seconds = value !== null && /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** A learner's device identity: sent as a bearer token, never as a cookie. */
export interface LearnerCredentials {
  learnerId: string;
  secret: string;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (application/octet-stream): a photo or a scan. */
  file?: Blob;
  /**
   * Who is asking: 'staff' rides on the cookie session (same-origin
   * credentials; every write is JSON, which the server's CSRF guard requires
   * even without a body); a learner sends a bearer token. None: a public call.
   */
  as?: 'staff' | LearnerCredentials;
}

export function buildRequest(call: Call = {}): RequestInit {
  const { method, json, file, as } = call;
  const headers: Record<string, string> = {};
  const isWrite = method !== undefined && method !== 'GET';
  if (file !== undefined) headers['content-type'] = 'application/octet-stream';
  else if (json !== undefined || (as === 'staff' && isWrite)) headers['content-type'] = 'application/json';
  if (as !== undefined && as !== 'staff') headers.authorization = `Bearer ${as.learnerId}.${as.secret}`;
  return {
    ...(method ? { method } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(file !== undefined ? { body: file } : json !== undefined ? { body: JSON.stringify(json) } : {}),
    ...(as === 'staff' ? { credentials: 'same-origin' as const } : {}),
  };
}

/** `url?a=1&b=2`, leaving out the empty values; `url` alone when none is left. */
export function withQuery(url: string, params: Readonly<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `${url}?${s}` : url;
}

export type Request = <T>(url: string, call?: Call) => Promise<T>;

/**
 * A client on the given fetch (tests pass an in-process server); the app uses `request`.
 * API addresses ('/api/…') go to the page's locality (api-base.ts), or to `base` when given
 * (the records a phone still holds for the locality it moved from).
 */
export function createRequest(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init), base?: string): Request {
  return async function request<T>(url: string, call: Call = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(apiUrl(url, base), buildRequest(call));
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err));
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
      const code = typeof e.code === 'string' ? e.code : `http_${res.status}`;
      const message = typeof e.message === 'string' ? e.message : res.statusText;
      throw new HttpError(res.status, code, message, parseRetryAfter(res.headers.get('retry-after')), e);
    }
    return body as T;
  };
}

/** The app's client, on the page's fetch (looked up at each call). */
export const request: Request = createRequest();

/** A call of the staff screens, on the cookie session. */
export const staffRequest = <T>(url: string, call: Omit<Call, 'as'> = {}): Promise<T> => request<T>(url, { ...call, as: 'staff' });
