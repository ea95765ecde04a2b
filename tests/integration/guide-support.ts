// Helpers for the guide-mode integration tests: guide accounts with groups,
// guide events, and a guide's cookie requests.
import { uuidv7 } from '../../shared/ids.ts';
import { createStaffAccount } from '../../server/accounts/guides.ts';
import { login, ORIGIN, TEST_HASHER, type AppClient } from './helpers.ts';

export const GUIDE_DEVICE = 'guide-phone-0001';
const PASSWORD = 'correct horse battery';

export async function createGuide(t: AppClient, username: string, groups: string[], team: 'cns' | 'da06' = 'cns') {
  const user = await createStaffAccount(t.engine, { username, password: PASSWORD, role: 'guide', team, groups, displayName: username.toUpperCase() }, t.clock.now, TEST_HASHER);
  const cookie = await login(t, username, PASSWORD);
  return { id: user.id, cookie, headers: { cookie, origin: ORIGIN } };
}

export type Guide = Awaited<ReturnType<typeof createGuide>>;

export const guideSync = (t: AppClient, g: { headers: Record<string, string> }, events: unknown[]) =>
  t.postJson('/api/v1/guide/sync', { deviceId: GUIDE_DEVICE, events }, g.headers);

export async function guideSyncResults(t: AppClient, g: { headers: Record<string, string> }, events: unknown[]) {
  const res = await guideSync(t, g, events);
  if (res.status !== 200) throw new Error(`guide sync: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: Array<{ id: string; status: string; error?: { code: string } }> }).results;
}

const env = (g: Guide) => ({ id: uuidv7(), recordedBy: g.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-01T09:00:00+07:00' });

export function sessionCreated(g: Guide, overrides: Record<string, unknown> = {}) {
  return {
    ...env(g),
    type: 'session.created',
    sessionId: uuidv7(),
    code: 'ACDE3467',
    title: 'Buổi học VNeID',
    groupId: 'tdp-1',
    place: 'Nhà văn hóa tổ 1',
    startsAt: '2025-06-01T08:30:00+07:00',
    durationMin: 120,
    courses: ['cyber-safety'],
    ...overrides,
  };
}

export function assistedRegistered(g: Guide, overrides: Record<string, unknown> = {}) {
  return {
    ...env(g),
    type: 'assisted.registered',
    learnerId: uuidv7(),
    name: 'Bà Nguyễn Thị Lan',
    birthYear: 1950,
    gender: 'female',
    groupId: 'tdp-1',
    consent: true,
    consentAt: '2025-06-01T09:00:00+07:00',
    ...overrides,
  };
}

export function assistedCompletion(g: Guide, learnerId: string, overrides: Record<string, unknown> = {}) {
  return {
    ...env(g),
    type: 'lesson.completed',
    learnerId,
    courseId: 'cyber-safety',
    lessonId: 'strong-passwords',
    contentVersion: 'v1',
    score: 100,
    durationSec: 600,
    ...overrides,
  };
}

export function outcome(g: Guide, learnerId: string, overrides: Record<string, unknown> = {}) {
  return { ...env(g), type: 'outcome.confirmed', learnerId, outcome: 'vneid-level2-activated', ...overrides };
}

export function joined(learnerId: string, code: string, overrides: Record<string, unknown> = {}) {
  return { id: uuidv7(), type: 'session.joined', learnerId, deviceId: 'device-test-0001', occurredAt: '2025-06-01T09:05:00+07:00', code, method: 'code', ...overrides };
}
