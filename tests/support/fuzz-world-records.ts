// The records of the fuzz and rights tests' world beyond its people
// (tests/support/fuzz-world.ts): an approved lesson recording, stories in
// each status, units' activities and one entry in each register, each made
// through the real API as its staff would.
import { uuidv7 } from '../../shared/ids.ts';
import type { setupTestApp } from '../integration/helpers.ts';
import { GUIDE_DEVICE, guideSyncResults } from '../integration/guide-support.ts';
import { jpegWithComment, sha256 } from './crafted-images.ts';
import { webmAudio } from './crafted-audio.ts';

export type Staff = { id: string; username: string; password: string; headers: { cookie: string; origin: string } };

/** A staff member in the shape guide-support.ts's event builders take. */
export const asGuide = (s: Staff) => ({ id: s.id, cookie: s.headers.cookie, headers: s.headers });

/** The register entries the world holds, by register. */
export interface WorldRegisters {
  difficulty: string;
  misinformation: string;
  budget: string;
  screenshot: string;
}

/** A bulletin scheduled on two past Mondays over one loudspeaker cluster and a residential group. */
export const BULLETIN_BODY = {
  kind: 'news',
  title: 'Phường hướng dẫn cài VNeID',
  body: 'Tối thứ bảy, tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng tại nhà văn hóa.',
  rate: 200,
  schedule: { days: { kind: 'dates', dates: ['2025-05-05', '2025-05-12'] }, time: '06:30', clusters: ['Cụm loa chợ'], groups: ['tdp-1'] },
};

/** A lesson screen the guide recorded (file first, then the record) and the reviewer approved. */
export async function approvedRecording(t: ReturnType<typeof setupTestApp>, guide: Staff, reviewer: Staff) {
  const audio = webmAudio();
  const hash = sha256(audio);
  const up = await t.request(`/api/v1/lesson-audio/files/${hash}`, { method: 'PUT', headers: { ...guide.headers, 'content-type': 'application/octet-stream' }, body: audio });
  if (up.status !== 201) throw new Error(`lesson audio: ${up.status}`);
  const id = uuidv7();
  const record = { id, type: 'audio.recorded', recordedBy: guide.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-20T09:00:00+07:00', courseId: 'cyber-safety', lessonId: 'phishing', step: 1, lang: 'vi', contentVersion: 'v1', durationSec: 20, file: { sha256: hash, type: 'audio/webm', bytes: audio.length } };
  await expectAccepted(await guideSyncResults(t, asGuide(guide), [record]));
  const approved = await t.request(`/api/v1/lesson-audio/recordings/${id}/approve`, { method: 'POST', headers: { ...reviewer.headers, 'content-type': 'application/json' }, body: '{}' });
  if (approved.status !== 200) throw new Error(`approve lesson audio: ${approved.status}`);
  return { id, sha256: hash };
}

/** Four stories of TTSNC moved through the steps, each left in one status. */
export async function worldStories(t: ReturnType<typeof setupTestApp>, officer: Staff, reviewer: Staff) {
  const send = async (who: Staff, method: string, path: string, body: unknown = {}) => {
    const res = await t.request(path, { method, headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`story fixture ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const upload = async (bytes: Buffer) => {
    const res = await t.request(`/api/v1/story-photos/${sha256(bytes)}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    if (res.status !== 201) throw new Error(`story photo: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { sha256: string }).sha256;
  };
  const storyPhotos = { draft: await upload(jpegWithComment('nhap')), published: await upload(jpegWithComment('da dang')) };
  const steps = ['submit', 'approve', 'publish'] as const;
  const ids: string[] = [];
  for (let n = 0; n <= steps.length; n++) {
    const photo = n === 0 ? storyPhotos.draft : n === steps.length ? storyPhotos.published : undefined;
    const { id } = await send(officer, 'POST', '/api/v1/stories', {
      kind: 'announcement',
      title: `Thông báo ${n + 1}`,
      body: 'Lịch hướng dẫn **cài VNeID** tại nhà văn hóa.',
      namesPrivate: false,
      photos: photo ? [{ sha256: photo, alt: 'Nhà văn hóa tổ dân phố' }] : [],
    });
    for (const step of steps.slice(0, n)) await send(step === 'submit' ? officer : reviewer, 'POST', `/api/v1/stories/${id}/${step}`);
    ids.push(id);
  }
  const [draft, submitted, approved, published] = ids;
  return { stories: { draft, submitted, approved, published }, storyPhotos };
}

/** Activities of the two officers' units in the sample plan, unlike in form and content item, so a view of one unit
 * that held the other's figures would show them. */
export const WORLD_ACTIVITIES = {
  ttsnc: [{ startsOn: '2025-06-10', formCode: '2.4', subFormId: 'radio-news', contentItems: ['1.2'], title: 'Tin về Nghị quyết 57 trên loa phường' }],
  'kt-ht-dt': [
    { startsOn: '2025-06-12', formCode: '2.1', subFormId: 'infographic', contentItems: ['1.4'], title: 'Infographic hỗ trợ doanh nghiệp' },
    { startsOn: '2025-06-13', formCode: '2.1', subFormId: 'infographic', contentItems: ['1.4', '1.5'], title: 'Infographic chuyển đổi số doanh nghiệp' },
  ],
};

/** Each unit's activities of WORLD_ACTIVITIES, sent by its own officer through the unit sync. */
export async function recordActivities(t: ReturnType<typeof setupTestApp>, officers: Record<keyof typeof WORLD_ACTIVITIES, Staff>) {
  for (const [unitId, list] of Object.entries(WORLD_ACTIVITIES)) {
    const officer = officers[unitId as keyof typeof WORLD_ACTIVITIES];
    const events = list.map((a) => ({
      id: uuidv7(),
      type: 'activity.recorded',
      recordedBy: officer.id,
      deviceId: GUIDE_DEVICE,
      occurredAt: `${a.startsOn}T10:00:00+07:00`,
      unitId,
      planId: 'sample-nq57',
      activityId: uuidv7(),
      place: '',
      audiences: ['residents'],
      reach: {},
      links: [],
      ...a,
    }));
    const res = await t.request('/api/v1/units/sync', { method: 'POST', headers: { ...officer.headers, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: GUIDE_DEVICE, events }) });
    if (res.status !== 200) throw new Error(`unit activities: ${res.status} ${await res.text()}`);
    await expectAccepted(((await res.json()) as { results: Array<{ status: string }> }).results);
  }
}

/** One entry in each register, filed by TTSNC's officer through the API. */
export async function seedRegisters(t: ReturnType<typeof setupTestApp>, unit: Staff): Promise<WorldRegisters> {
  const post = async (path: string, body: unknown) => {
    const res = await t.request(`/api/v1/registers/${path}`, { method: 'POST', headers: { ...unit.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`register ${path}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const planId = 'sample-nq57';
  // A screenshot of the post, uploaded before the entry that names it.
  const shot = jpegWithComment('anh chup bai viet');
  const up = await t.request(`/api/v1/registers/screenshots/${sha256(shot)}`, { method: 'PUT', headers: { ...unit.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(shot) });
  if (up.status !== 201) throw new Error(`register screenshot: ${up.status} ${await up.text()}`);
  const screenshot = ((await up.json()) as { sha256: string }).sha256;
  return {
    screenshot,
    difficulty: await post('difficulties', { planId, itemCode: '1.2', summary: 'Thiếu loa ở tổ 5', raisedOn: '2025-06-18' }),
    misinformation: await post('misinformation', {
      planId,
      platform: 'facebook',
      link: 'https://social.example/share/p/abc123',
      seenOn: '2025-06-19',
      description: 'Bài viết nói định danh điện tử mức 2 phải nộp phí',
      assessment: 'Sai sự thật',
      action: 'reported',
      actionOn: '2025-06-19',
      status: 'following',
      screenshotFile: screenshot,
    }),
    budget: await post('budget', { planId, title: 'In tờ rơi', proposedOn: '2025-06-19', lines: [{ description: 'Tờ rơi A5', quantity: 500, proposedAmount: 750_000 }] }),
  };
}

export async function expectAccepted(results: Array<{ status: string }>) {
  const bad = results.filter((r) => r.status !== 'accepted');
  if (bad.length) throw new Error(`fixture events not accepted: ${JSON.stringify(bad)}`);
}
