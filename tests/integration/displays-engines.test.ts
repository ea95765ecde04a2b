// The LED screens, run the same way on a SQLite file and on a throw-away
// PostgreSQL cluster: screens added and listed, heartbeats written at most
// every 30 s and turned into hours per Vietnam day (a stretch across midnight
// split, a long silence counting nothing), several screens summed, a screen
// removed with its hours, and the feed's week of sessions and featured
// stories read from the story store.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { displayDays, guideSessions, stories, users } from '../../server/db/schema/index.ts';
import { createDisplayFeed } from '../../server/displays/feed.ts';
import { createDisplayStore, type DisplayStore } from '../../server/displays/store.ts';
import { createStoryStore } from '../../server/news/store.ts';
import type { createDashboard } from '../../server/stats/dashboard.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const MINUTE = 60_000;
const at = (local: string) => Date.parse(`${local}+07:00`);
const QR = [{ kind: 'qr' as const, seconds: 10 }];
const STORY_ID = '0190f0c2-0000-7000-8000-000000000001';
const OLDER_ID = '0190f0c2-0000-7000-8000-000000000002';

/** The dashboard's figures as the feed reads them (the dashboard itself has its own tests). */
const dashboard = {
  headline: () => ({ headline: { learners: 42 } }),
  coverage: () => ({ coverage: [] }),
  meta: () => ({ wardName: 'Phường Lãm Hà' }),
} as unknown as ReturnType<typeof createDashboard>;

describe.each(ENGINES)('LED screens on %s', (kind) => {
  let engine: Engine;
  let store: DisplayStore;
  let now = at('2025-06-02T06:00:00');
  const poll = async (id: string, start: number, end: number) => {
    for (let ms = start; ms <= end; ms += MINUTE) {
      now = ms;
      await store.seen(id);
    }
  };
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    store = createDisplayStore(engine, () => now);
  }, 60_000);

  it('adds screens, lists them by name and saves a playlist again', async () => {
    await store.save('cong-ubnd', { name: 'Cổng UBND phường', slides: QR }, 'lan');
    await store.save('cho-hoa-binh', { name: 'Chợ Hòa Bình', slides: QR }, 'lan');
    const saved = await store.save('cong-ubnd', { name: 'Cổng UBND', slides: [{ kind: 'slogan', seconds: 15, text: 'Học số mỗi ngày' }] }, 'minh');
    expect(saved).toMatchObject({ id: 'cong-ubnd', name: 'Cổng UBND', slides: [{ kind: 'slogan', seconds: 15, text: 'Học số mỗi ngày' }], lastSeenAt: null });
    expect((await store.list()).map((d) => d.id)).toEqual(['cho-hoa-binh', 'cong-ubnd']);
    expect(await store.get('nowhere')).toBeUndefined();
  });

  it('turns heartbeats into hours per day, splitting at midnight, and sums screens', async () => {
    // Gate: 7:00–9:00 on the 2nd, then 23:30 on the 2nd to 00:30 on the 3rd.
    await poll('cong-ubnd', at('2025-06-02T07:00:00'), at('2025-06-02T09:00:00'));
    await poll('cong-ubnd', at('2025-06-02T23:30:00'), at('2025-06-03T00:30:00'));
    // Market: 17:00–18:15 on the 2nd, 6:00–7:00 on the 3rd.
    await poll('cho-hoa-binh', at('2025-06-02T17:00:00'), at('2025-06-02T18:15:00'));
    await poll('cho-hoa-binh', at('2025-06-03T06:00:00'), at('2025-06-03T07:00:00'));
    // A heartbeat 10 s after the last one is not written.
    now += 10_000;
    await store.seen('cho-hoa-binh');
    expect((await store.get('cho-hoa-binh'))!.lastSeenAt).toBe(new Date(at('2025-06-03T07:00:00')).toISOString());

    expect(await store.hours('cong-ubnd', '2025-06-02', '2025-06-03')).toEqual({
      id: 'cong-ubnd',
      from: '2025-06-02',
      to: '2025-06-03',
      days: [
        { day: '2025-06-02', hours: 2.5 },
        { day: '2025-06-03', hours: 0.5 },
      ],
      hours: 3,
      recordedFrom: '2025-06-02',
    });
    expect(await store.hoursOfScreens(undefined, '2025-06-02', '2025-06-03')).toEqual({
      from: '2025-06-02',
      to: '2025-06-03',
      screens: [
        { id: 'cho-hoa-binh', name: 'Chợ Hòa Bình', hours: 2.3, recordedFrom: '2025-06-02' },
        { id: 'cong-ubnd', name: 'Cổng UBND', hours: 3, recordedFrom: '2025-06-02' },
      ],
      days: [
        { day: '2025-06-02', hours: 3.8 },
        { day: '2025-06-03', hours: 1.5 },
      ],
      hours: 5.3,
    });
    expect(await store.hoursOfScreens(['cong-ubnd', 'nowhere'], '2025-06-02', '2025-06-03')).toBeUndefined();
  });

  it('feeds a screen its week of sessions and the published stories it features', async () => {
    now = at('2025-06-04T08:00:00');
    await engine.db.insert(users).values({ id: 'g1', username: 'g1', displayName: 'Hà', role: 'guide', passwordHash: 'x', createdAt: now, disabled: false });
    const session = (id: string, code: string, startsAt: number) => ({ id, code, guideId: 'g1', groupId: 'tdp-1', title: `Buổi ${code}`, place: 'Nhà văn hóa tổ 1', startsAt, endsAt: startsAt + 2 * 3_600_000, courses: '[]' });
    await engine.db.insert(guideSessions).values([session('s1', 'A1', at('2025-06-05T19:00:00')), session('s2', 'B2', at('2025-06-20T19:00:00')), session('s0', 'C3', at('2025-06-01T19:00:00'))]);
    const story = (id: string, title: string, publishedAt: number) => ({ id, kind: 'announcement' as const, status: 'published' as const, title, summary: 'Tóm tắt', body: 'Nội dung', html: '<p>Nội dung</p>', namesPrivate: false, unitId: null, photos: '[]', authorId: 'g1', createdAt: publishedAt, updatedAt: publishedAt, publishedAt });
    await engine.db.insert(stories).values([story(STORY_ID, 'Tin mới nhất', at('2025-06-03T08:00:00')), story(OLDER_ID, 'Tin cũ hơn', at('2025-06-01T08:00:00'))]);
    const feed = createDisplayFeed(engine, dashboard, createStoryStore(engine, () => now), () => now);
    const screen = (await store.save('cong-ubnd', { name: 'Cổng UBND', slides: [{ kind: 'story', seconds: 20 }, { kind: 'story', seconds: 20, storyId: OLDER_ID }] }, 'lan'));
    const shown = await feed(screen, 'https://phuong.example/');
    expect(shown).toMatchObject({ wardName: 'Phường Lãm Hà', coverage: { learners: 42, groups: [] } });
    expect(shown.sessions).toEqual([{ title: 'Buổi A1', place: 'Nhà văn hóa tổ 1', group: expect.any(String), startsAt: new Date(at('2025-06-05T19:00:00')).toISOString() }]);
    expect(shown.stories.map((s) => [s.id, s.title])).toEqual([
      [STORY_ID, 'Tin mới nhất'],
      [OLDER_ID, 'Tin cũ hơn'],
    ]);
  });

  it('removes a screen with its hours', async () => {
    expect(await store.remove('cho-hoa-binh')).toBe(true);
    expect(await store.remove('cho-hoa-binh')).toBe(false);
    expect((await store.list()).map((d) => d.id)).toEqual(['cong-ubnd']);
    expect(await engine.db.select().from(displayDays)).not.toContainEqual(expect.objectContaining({ displayId: 'cho-hoa-binh' }));
  });
});
