// Fixtures for the resident tests: a small catalog with the five basic
// skills, and builders for resident events.
import { uuidv7 } from '../../shared/ids.ts';
import { createCatalog } from '../../server/resident/catalog.ts';
import { DEVICE_ID, completion, type TestApp } from './helpers.ts';

const course = (id: string, skill: string, lessons: string[]) => ({
  id,
  skill,
  title: { vi: `Khóa ${id}`, en: `Course ${id}` },
  lessons: lessons.map((l) => ({ id: l })),
});

export const CATALOG = createCatalog({
  courses: [
    course('public-services', 'public-services', ['what-is-vneid', 'vneid-levels', 'portal']),
    course('online-shopping', 'online-shopping', ['safe-shops']),
    course('digital-payments', 'digital-payments', ['vietqr']),
    course('cyber-safety', 'cyber-safety', ['strong-passwords', 'phishing']),
    course('local-platforms', 'local-platforms', ['ward-portal']),
    course('staff-skills', 'staff-skills', ['email']),
  ],
});

const envelope = (learnerId: string) => ({ id: uuidv7(), learnerId, deviceId: DEVICE_ID, occurredAt: '2025-06-01T09:00:00+07:00' });

export const consentGiven = (learnerId: string, extra: Record<string, unknown> = {}) => ({
  ...envelope(learnerId),
  type: 'consent.given',
  noticeVersion: 1,
  purpose: 'ward-participation',
  ...extra,
});
export const consentWithdrawn = (learnerId: string) => ({ ...envelope(learnerId), type: 'consent.withdrawn', noticeVersion: 1 });
export const profileUpdated = (learnerId: string, profile: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  ...envelope(learnerId),
  type: 'profile.updated',
  profile: { displayName: 'Lan', birthYear: 1958, gender: 'female', residentialGroupId: 'tdp-3', unit: null, ...profile },
  ...extra,
});
export const deletionRequested = (learnerId: string) => ({ ...envelope(learnerId), type: 'learner.deletion-requested' });

export const completeCourse = (learnerId: string, courseId: string, skip: string[] = []) =>
  CATALOG.courses
    .find((c) => c.id === courseId)!
    .lessons.filter((l) => !skip.includes(l.id))
    .map((l) => completion(learnerId, { courseId, lessonId: l.id }));

export async function syncEvents(t: TestApp, auth: Record<string, string>, events: unknown[]) {
  const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, auth);
  if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${await res.text()}`);
  return (await res.json()).results as { id: string; status: string; error?: { code: string; message: string } }[];
}
