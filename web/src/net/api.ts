// The only module of the web app that talks to the network: the ward server's
// API and the compiled content files. Everything else goes through here, so
// offline behaviour and errors are handled in one place.
// Responses are trusted in shape (same-origin server built from the shared
// schemas); we avoid shipping a validation library to phones for that.
import type { ContentIndex, CourseChunk } from '../../../shared/content/schema.ts';
import type { LearningEvent } from '../../../shared/events.ts';
import type { StaffUser, SyncResponse, WardProfile } from '../../../shared/api.ts';
import type { Certificate, MyData, RedeemRecoveryResponse } from '../../../shared/resident/api.ts';

const API = '/api/v1';

/** The server answered with an error status (as opposed to no answer at all). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds the server asked us to wait (Retry-After on 429/503), if it said. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Retry-After as seconds (delta form only; the server never sends a date). */
export function parseRetryAfter(value: string | null): number | undefined {
  const seconds = value !== null && /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** No answer: offline, DNS, server down, connection cut. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface LearnerCredentials {
  learnerId: string;
  secret: string;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function createApiClient(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)) {
  async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(url, init);
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err));
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new HttpError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, parseRetryAfter(res.headers.get('retry-after')));
    }
    return body as T;
  }

  const json = (method: string, payload: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  const bearer = (c: LearnerCredentials) => ({ authorization: `Bearer ${c.learnerId}.${c.secret}` });

  return {
    // Content (served from the service worker's precache when offline).
    fetchContentIndex: () => request<ContentIndex>('/content/index.json'),
    fetchCourseChunk: (url: string) => request<CourseChunk>(url),

    // Learner: device identity and sync.
    registerLearner: (c: LearnerCredentials) =>
      request<{ id: string }>(`${API}/learners`, json('POST', { id: c.learnerId, secret: c.secret })),
    sync: (c: LearnerCredentials, deviceId: string, events: LearningEvent[]) =>
      request<SyncResponse>(`${API}/sync`, json('POST', { deviceId, events }, bearer(c))),

    // Resident: certificates, moving to a new phone, data rights, ward groups.
    claimCertificate: (c: LearnerCredentials, courseId: string) => request<Certificate>(`${API}/certificates`, json('POST', { courseId }, bearer(c))),
    createRecoveryCode: (c: LearnerCredentials) => request<{ code: string }>(`${API}/recovery-codes`, json('POST', {}, bearer(c))),
    redeemRecoveryCode: (code: string, secret: string) => request<RedeemRecoveryResponse>(`${API}/recovery`, json('POST', { code, secret })),
    myData: (c: LearnerCredentials) => request<MyData>(`${API}/me`, { headers: bearer(c) }),
    wardProfile: () => request<WardProfile>(`${API}/ward`),

    // Staff (cookie session).
    login: (username: string, password: string) =>
      request<{ user: StaffUser }>(`${API}/auth/login`, json('POST', { username, password })),
    logout: () => request<unknown>(`${API}/auth/logout`, json('POST', {})),
    me: () => request<{ user: StaffUser }>(`${API}/auth/me`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

let shared: ApiClient | undefined;
export function getApiClient(): ApiClient {
  shared ??= createApiClient();
  return shared;
}
