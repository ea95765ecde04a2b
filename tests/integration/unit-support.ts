// Helpers for the plan and unit tests: staff of each role logged in, and
// unit records built the way a unit officer's phone builds them.
import { createStaffAccount } from '../../server/accounts/guides.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { login, ORIGIN, setupTestApp, TEST_HASHER, type AppClient } from './helpers.ts';

export const UNIT_DEVICE = 'unit-phone-0001';
export const SAMPLE_PLAN = 'sample-nq57';
const PASSWORD = 'correct horse battery';

export async function staffMember(t: AppClient, username: string, role: 'admin' | 'reviewer' | 'unit', unitId?: string) {
  const user = await createStaffAccount(t.engine, { username, password: PASSWORD, role, team: null, unitId, displayName: username }, t.clock.now, TEST_HASHER);
  const cookie = await login(t, username, PASSWORD);
  return { id: user.id, headers: { cookie, origin: ORIGIN } };
}
export type Member = Awaited<ReturnType<typeof staffMember>>;

/** The ward news desk: VH-XH (reviewer), an officer of the public service centre and one of another unit, on an app with a public origin. */
export async function newsDesk() {
  const t = setupTestApp({ config: { publicOrigin: 'https://hocvuso.example.vn' } });
  const reviewer = await staffMember(t, 'vhxh', 'reviewer');
  const officer = await staffMember(t, 'ttsnc1', 'unit', 'ttsnc');
  const otherOfficer = await staffMember(t, 'kthtdt1', 'unit', 'kt-ht-dt');
  return { t, reviewer, officer, otherOfficer };
}

export const sendJson = (t: AppClient, method: string, path: string, who: Member, body: unknown) =>
  t.request(path, { method, headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** An activity.recorded of `unitId` in the sample plan: a radio news item unless overridden. */
export function activityRecorded(officer: Member, unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    type: 'activity.recorded',
    recordedBy: officer.id,
    deviceId: UNIT_DEVICE,
    occurredAt: '2025-06-01T10:00:00+07:00',
    unitId,
    planId: SAMPLE_PLAN,
    activityId: uuidv7(),
    startsOn: '2025-06-01',
    formCode: '2.4',
    subFormId: 'radio-news',
    contentItems: ['1.2'],
    title: 'Tin về Nghị quyết 57 trên loa phường',
    place: 'Đài truyền thanh phường',
    audiences: ['residents'],
    reach: { minutesAired: 5 },
    links: [],
    ...overrides,
  };
}

export async function unitSync(t: AppClient, officer: Member, records: unknown[]) {
  const res = await t.postJson('/api/v1/units/sync', { deviceId: UNIT_DEVICE, events: records }, officer.headers);
  if (res.status !== 200) throw new Error(`unit sync: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: Array<{ id: string; status: string; error?: { code: string } }> }).results;
}
