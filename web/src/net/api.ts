// The resident's calls to the ward server (device identity, sync,
// certificates, moving to a new phone, data rights, the ward's public
// profile) and the compiled content files, on the one HTTP client of
// http.ts. Staff screens keep their calls beside them (guide-api.ts,
// dashboard-api.ts, admin-api.ts, account-api.ts) on the same client.
import type { ContentIndex, CourseChunk } from '../../../shared/content/schema.ts';
import type { LearningEvent } from '../../../shared/events.ts';
import type { SyncResponse, WardProfile } from '../../../shared/api.ts';
import type { Certificate, MyData, RedeemRecoveryResponse } from '../../../shared/resident/api.ts';
import { createRequest, type FetchLike, type LearnerCredentials } from './http.ts';

const API = '/api/v1';

/** `base`: the locality's address prefix when not the page's own (api-base.ts). */
export function createApiClient(fetchImpl?: FetchLike, base?: string) {
  const request = createRequest(fetchImpl, base);
  return {
    // Content (served from the service worker's precache when offline).
    fetchContentIndex: () => request<ContentIndex>('/content/index.json'),
    fetchCourseChunk: (url: string) => request<CourseChunk>(url),

    // Learner: device identity and sync.
    registerLearner: (c: LearnerCredentials) => request<{ id: string }>(`${API}/learners`, { method: 'POST', json: { id: c.learnerId, secret: c.secret } }),
    sync: (c: LearnerCredentials, deviceId: string, events: LearningEvent[]) =>
      request<SyncResponse>(`${API}/sync`, { method: 'POST', json: { deviceId, events }, as: c }),

    // Resident: certificates, moving to a new phone, data rights, ward groups.
    claimCertificate: (c: LearnerCredentials, courseId: string) => request<Certificate>(`${API}/certificates`, { method: 'POST', json: { courseId }, as: c }),
    listCertificates: (c: LearnerCredentials) => request<{ certificates: Certificate[] }>(`${API}/certificates`, { as: c }),
    createRecoveryCode: (c: LearnerCredentials) => request<{ code: string; expiresAt: string }>(`${API}/recovery-codes`, { method: 'POST', json: {}, as: c }),
    redeemRecoveryCode: (code: string, secret: string) => request<RedeemRecoveryResponse>(`${API}/recovery`, { method: 'POST', json: { code, secret } }),
    myData: (c: LearnerCredentials) => request<MyData>(`${API}/me`, { as: c }),
    wardProfile: () => request<WardProfile>(`${API}/ward`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

let shared: ApiClient | undefined;
export function getApiClient(): ApiClient {
  shared ??= createApiClient();
  return shared;
}
