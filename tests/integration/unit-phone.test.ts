// A unit officer's phone, built from the app's real unit database, repo and
// the one sync engine (fake-indexeddb), against the real app and SQLite:
// records made without signal wait on the phone, reach the server once the
// signal is back, and an answer lost after the server committed makes the
// resend a duplicate — exactly one row per record.
import { sql } from 'drizzle-orm';
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUnitDatabase, type UnitDatabase } from '../../web/src/unit/db.ts';
import { unitApi } from '../../web/src/unit/unit-api.ts';
import { createUnitRepo, type AttachedFile, type NewActivity } from '../../web/src/unit/unit-repo.ts';
import { PLAIN_JPEG, sha256 } from '../support/crafted-images.ts';
import { createUnitSync } from '../../web/src/unit/unit-sync.ts';
import { storyActivity, storyActivityId } from '../../shared/news/outreach.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { SAMPLE_PLAN, staffMember, UNIT_DEVICE } from './unit-support.ts';

let t: TestApp;
let db: UnitDatabase;
beforeEach(() => {
  t = setupTestApp();
  db = openUnitDatabase(`unit-phone-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  await t.close();
  globalThis.fetch = realFetch;
});
const realFetch = globalThis.fetch;

const banner: NewActivity = {
  unitId: 'ttsnc',
  planId: SAMPLE_PLAN,
  startsOn: '2025-06-01',
  endsOn: '2025-06-30',
  formCode: '2.3',
  subFormId: 'banner',
  contentItems: ['1.2'],
  title: 'Băng rôn Nghị quyết 57 đường Trần Phú',
  place: 'Đường Trần Phú',
  audiences: ['residents'],
  reach: { copies: 3 },
  links: [],
};

async function phone() {
  const officer = await staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc');
  const net = { up: false, dropAnswers: 0, posts: 0, uploads: 0 };
  // The phone's fetch: no signal, or the real server (the officer's cookie), whose answer may be lost on the way back.
  globalThis.fetch = (async (url: string, init: RequestInit = {}) => {
    if (!net.up) throw new TypeError('Failed to fetch');
    const headers = new Headers(init.headers);
    headers.set('cookie', officer.headers.cookie);
    headers.set('origin', ORIGIN);
    net.posts += 1;
    if (init.method === 'PUT') net.uploads += 1;
    const res = await t.app.request(`${ORIGIN}${url}`, { ...init, headers });
    if (net.dropAnswers > 0) {
      net.dropAnswers -= 1;
      throw new TypeError('Network connection lost');
    }
    return res;
  }) as typeof fetch;
  const repo = createUnitRepo(db);
  const engine = createUnitSync({
    repo,
    api: unitApi,
    deviceId: () => UNIT_DEVICE,
    isOnline: () => net.up,
    random: () => 0.5,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  return { me: { officerId: officer.id, deviceId: UNIT_DEVICE }, repo, engine, net };
}

describe("a unit officer's phone", () => {
  it('keeps records made offline, sends them when the signal is back, and a lost answer never makes a second row', async () => {
    const p = await phone();
    const first = await p.repo.recordActivity(p.me, banner);
    await p.repo.recordActivity(p.me, { ...banner, formCode: '2.4', subFormId: 'radio-news', endsOn: undefined, title: 'Tin trên loa phường', reach: { minutesAired: 5 } });
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'offline', pending: 2 });
    expect(await t.count('unit_events')).toBe(0);
    expect((await p.repo.listActivities()).map((a) => a.title)).toContain('Băng rôn Nghị quyết 57 đường Trần Phú');

    // The signal comes back, but the server's answer is lost after it committed.
    p.net.up = true;
    p.net.dropAnswers = 1;
    await p.engine.trigger();
    expect(await t.count('unit_events')).toBe(2);
    expect(await p.repo.countPending()).toBe(2);
    // The next run sends them again: duplicates, and the outbox empties.
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 0 });
    expect(await t.count('unit_events')).toBe(2);
    expect(await t.count('unit_activities')).toBe(2);

    // A correction made offline later replaces the activity on the server, and the log keeps both.
    p.net.up = false;
    await p.repo.correctActivity(p.me, first.activityId, { ...banner, reach: { copies: 5 } }, 'Treo thêm 2 băng rôn');
    p.net.up = true;
    await p.engine.trigger();
    expect(await t.count('unit_events')).toBe(3);
    const row = await t.engine.get(sql`SELECT corrections, details FROM unit_activities WHERE id = ${first.activityId}`) as { corrections: number; details: string };
    expect(row.corrections).toBe(1);
    expect(JSON.parse(row.details).reach).toEqual({ copies: 5 });
  });

  it('logs a published news item once: offline, tapped twice, and from a second phone of the unit', async () => {
    const p = await phone();
    p.net.up = true;
    const { plans } = (await (await fetch('/api/v1/units/me')).json()) as { plans: Plan[] };
    p.net.up = false;
    const storyId = '01900000-0000-7000-8000-00000000abcd';
    const fields = storyActivity(plans, 'ttsnc', { title: 'Chợ không dùng tiền mặt', kind: 'typical-model', day: '2025-06-01', url: `https://hocvuso.example.vn/tin/${storyId}` });
    expect(fields).toMatchObject({ formCode: '2.1', subFormId: 'portal-article', contentItems: ['1.3'] });
    const activityId = await storyActivityId(storyId, 'ttsnc');
    expect(activityId).toBe(await storyActivityId(storyId, 'ttsnc'));
    expect(activityId).not.toBe(await storyActivityId(storyId, 'kt-ht-dt'));
    expect((await p.repo.recordActivityOnce(p.me, activityId, fields!)).created).toBe(true);
    expect((await p.repo.recordActivityOnce(p.me, activityId, fields!)).created).toBe(false);
    expect(await p.repo.countPending()).toBe(1);
    p.net.up = true;
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ pending: 0, dead: 0 });
    const row = await t.engine.get(sql`SELECT form_code, sub_form_id, details FROM unit_activities WHERE id = ${activityId}`) as { form_code: string; sub_form_id: string; details: string };
    expect(row).toMatchObject({ form_code: '2.1', sub_form_id: 'portal-article' });
    expect(JSON.parse(row.details).links).toEqual([`https://hocvuso.example.vn/tin/${storyId}`]);
    // Another phone of the same unit logs the same item: the server keeps one activity.
    const second = openUnitDatabase(`unit-phone-${crypto.randomUUID()}`);
    try {
      const repo2 = createUnitRepo(second);
      await repo2.recordActivityOnce({ ...p.me, deviceId: 'unit-phone-0002' }, activityId, fields!);
      const sync2 = createUnitSync({ repo: repo2, api: unitApi, deviceId: () => 'unit-phone-0002', isOnline: () => true, random: () => 0.5, setTimer: () => 0, clearTimer: () => undefined });
      await sync2.trigger();
      expect(await t.count('unit_activities')).toBe(1);
      expect(await t.count('unit_events')).toBe(1);
    } finally {
      await second.close();
      await Dexie.delete(second.name);
    }
  });

  it('sends a photo before the record that names it, once, however often the answer is lost', async () => {
    const p = await phone();
    const photo: AttachedFile = { sha256: sha256(PLAIN_JPEG), blob: new Blob([new Uint8Array(PLAIN_JPEG)], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: PLAIN_JPEG.length, name: 'bang-ron.jpg' };
    const saved = await p.repo.recordActivity(p.me, banner, [photo]);
    // The same photo attached to a second activity is kept once.
    await p.repo.recordActivity(p.me, { ...banner, title: 'Băng rôn đường Lê Lợi' }, [photo]);
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'offline', pending: 2 });
    expect(await p.repo.countPendingFiles()).toBe(1);

    // Signal back; the answer to the upload is lost: the run stops before any record goes.
    p.net.up = true;
    p.net.dropAnswers = 1;
    await p.engine.trigger();
    expect(await t.count('stored_files')).toBe(1);
    expect(await t.count('unit_events')).toBe(0);
    expect(await p.repo.countPendingFiles()).toBe(1);
    // The next run sends the photo again (the server already has it), then the records.
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 0 });
    expect(await p.repo.countPendingFiles()).toBe(0);
    // The server has the bytes: they leave the phone.
    const kept = await db.files.get(photo.sha256);
    expect(kept?.state).toBe('uploaded');
    expect(kept?.blob).toBeUndefined();
    expect(p.net.uploads).toBe(2);
    expect(await t.count('stored_files')).toBe(1);
    expect(await t.count('unit_activities')).toBe(2);
    const linked = await t.engine.all(sql`SELECT sha256, name FROM unit_activity_files WHERE activity_id = ${saved.activityId}`);
    expect(linked).toEqual([{ sha256: sha256(PLAIN_JPEG), name: 'bang-ron.jpg' }]);
    // Nothing is sent again once acknowledged.
    await p.engine.trigger();
    expect(p.net.uploads).toBe(2);
  });

  it('marks a file the server will never take as refused; its record comes back refused and the rest still goes', async () => {
    const p = await phone();
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0]);
    const odd: AttachedFile = { sha256: sha256(gif), blob: new Blob([gif]), type: 'image/jpeg', bytes: gif.length, name: 'anh.gif' };
    await p.repo.recordActivity(p.me, banner, [odd]);
    await p.repo.recordActivity(p.me, { ...banner, title: 'Tin trên loa phường' });
    p.net.up = true;
    await p.engine.trigger();
    expect(p.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 1 });
    expect(await p.repo.countPendingFiles()).toBe(0);
    expect((await db.files.get(odd.sha256))?.state).toBe('refused');
    expect(await t.count('stored_files')).toBe(0);
    expect(await t.engine.all(sql`SELECT title FROM unit_activities`)).toEqual([{ title: 'Tin trên loa phường' }]);
  });

  it("once June's report is issued, a plain correction is refused and kept dead on the phone; one sent after the report goes in", async () => {
    const p = await phone();
    p.net.up = true;
    const first = await p.repo.recordActivity(p.me, banner);
    await p.engine.trigger();
    const office = await staffMember(t, 'vhxh', 'reviewer');
    const issued = await t.postJson(`/api/v1/plans/${SAMPLE_PLAN}/report/issue`, { period: '2025-06', number: '12/BC-UBND', issuedOn: '2025-07-03' }, office.headers);
    expect(issued.status).toBe(200);
    await p.repo.correctActivity(p.me, first.activityId, { ...banner, reach: { copies: 5 } }, 'Treo thêm 2 băng rôn');
    await p.engine.trigger();
    expect((await p.repo.outbox.listDead()).map((r) => r.event.type)).toEqual(['activity.corrected']);
    await p.repo.correctActivity(p.me, first.activityId, { ...banner, reach: { copies: 5 } }, 'Treo thêm 2 băng rôn', new Date(), { afterIssue: true });
    await p.engine.trigger();
    expect(await p.repo.countPending()).toBe(0);
    expect(await t.count('unit_events')).toBe(2);
    const row = await t.engine.get(sql`SELECT details FROM unit_activities WHERE id = ${first.activityId}`) as { details: string };
    expect(JSON.parse(row.details).reach).toEqual({ copies: 5 });
  });
});
