// The ward news store and its photo links, run the same way on a SQLite file
// and on a throw-away PostgreSQL cluster: the steps a story goes through, the
// consent rule, the staff list's and the public list's order (a published row
// without a publishing time last on both), what the feeds carry, and which
// photos the public and a unit may read.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleOf } from '../support/rule-of.ts';
import type { StaffUser } from '../../shared/api.ts';
import { newsPhotoPath } from '../../shared/news/constants.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { stories, storedFiles, users } from '../../server/db/schema/index.ts';
import type { FileStore } from '../../server/files/file-store.ts';
import { atomFeed, jsonFeed } from '../../server/news/feeds.ts';
import { wardName } from '../../server/ward/name.ts';
import { createStoryPhotos } from '../../server/news/photos.ts';
import { createStoryStore, StoryRuleError, type Stories, type StoryFields } from '../../server/news/store.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const START = Date.UTC(2026, 10, 2, 8);
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const always = async () => true;

const fields = (overrides: Partial<StoryFields> = {}): StoryFields => ({
  kind: 'typical-model',
  title: 'Chợ phường không dùng tiền mặt',
  summary: 'Các tiểu thương đã mở mã QR.',
  body: 'Các tiểu thương đã **mở mã QR**.',
  namesPrivate: false,
  consent: false,
  unitId: 'ttsnc',
  photos: [],
  ...overrides,
});

const refused = (work: Promise<unknown>) => ruleOf(work, StoryRuleError);

describe.each(ENGINES)('ward news store on %s', (kind) => {
  let engine: Engine;
  let store: Stories;
  let at = START;
  const tick = (ms = 1_000) => (at += ms);
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    store = createStoryStore(engine, () => at);
    const staff = (id: string, displayName: string, role: 'unit' | 'reviewer') => ({ id, username: id, displayName, role, passwordHash: 'x', createdAt: START, disabled: false });
    await engine.db.insert(users).values([staff('off', 'Lan (TTSNC)', 'unit'), staff('rev', 'Minh (VH-XH)', 'reviewer')]);
    await engine.db.insert(storedFiles).values([
      { sha256: A, type: 'image/jpeg', bytes: 51_234, createdAt: START },
      { sha256: B, type: 'image/webp', bytes: 9_876, createdAt: START },
    ]);
  }, 60_000);

  it('takes a story from draft to published one tap at a time, and only then shows it, its photos and its feeds to the public', async () => {
    const s = await store.create(fields({ photos: [{ sha256: A, thumb: B, alt: 'Quầy rau có mã QR' }] }), 'off', always);
    expect(s).toMatchObject({ status: 'draft', unitName: 'Trung tâm sự nghiệp công', authorName: 'Lan (TTSNC)', consent: false, publishedAt: null });
    expect(s.html).toContain('<strong>mở mã QR</strong>');
    expect(await store.published()).toEqual([]);
    expect(await store.isPublishedPhoto(A)).toBe(false);
    expect([await store.isPhotoOfUnit(A, 'ttsnc'), await store.isPhotoOfUnit(B, 'ttsnc'), await store.isPhotoOfUnit(A, 'mttq')]).toEqual([true, true, false]);

    expect(await refused(store.move(s.id, 'publish', 'rev'))).toBe('wrong_status');
    tick();
    expect(await store.move(s.id, 'submit', 'off')).toMatchObject({ changed: true, story: { status: 'submitted' } });
    expect(await store.move(s.id, 'submit', 'off')).toMatchObject({ changed: false, story: { status: 'submitted' } });
    tick();
    expect(await store.move(s.id, 'approve', 'rev')).toMatchObject({ changed: true, story: { status: 'approved', approvedByName: 'Minh (VH-XH)' } });
    expect(await store.published()).toEqual([]);
    const publishedAt = tick();
    const { story: published } = await store.move(s.id, 'publish', 'rev');
    expect(published.publishedAt).toBe(new Date(publishedAt).toISOString());

    const items = await store.published();
    expect(items).toEqual([
      {
        id: s.id,
        kind: 'typical-model',
        title: s.title,
        summary: s.summary,
        html: s.html,
        unitName: 'Trung tâm sự nghiệp công',
        publishedAt: new Date(publishedAt).toISOString(),
        updatedAt: new Date(publishedAt).toISOString(),
        path: `/tin/${s.id}`,
        photos: [{ src: newsPhotoPath(A), thumb: newsPhotoPath(B), alt: 'Quầy rau có mã QR', type: 'image/jpeg', bytes: 51_234 }],
      },
    ]);
    expect(await store.publishedOne(s.id)).toEqual(items[0]);
    expect([await store.isPublishedPhoto(A), await store.isPublishedPhoto(B)]).toEqual([true, true]);
    expect(await store.publishedVersion()).toEqual({ count: 1, lastChange: publishedAt });

    const feed = { origin: 'https://phuong.example.vn', wardName: await wardName(engine), updated: publishedAt };
    expect(feed.wardName).toBe('Phường Kiến An (mẫu)');
    expect(atomFeed(feed, items)).toContain(`<link rel="enclosure" type="image/jpeg" length="51234" title="Quầy rau có mã QR" href="https://phuong.example.vn${newsPhotoPath(A)}"/>`);
    expect(jsonFeed(feed, items).items).toEqual([expect.objectContaining({ id: s.id, date_published: new Date(publishedAt).toISOString(), authors: [{ name: 'Trung tâm sự nghiệp công' }] })]);

    // Unpublished: gone from the public side; published again: the first publishing time stands.
    const unpublishedAt = tick();
    expect((await store.move(s.id, 'unpublish', 'rev')).changed).toBe(true);
    expect(await store.published()).toEqual([]);
    expect(await store.publishedOne(s.id)).toBeUndefined();
    expect(await store.isPublishedPhoto(A)).toBe(false);
    expect(await store.publishedVersion()).toEqual({ count: 1, lastChange: unpublishedAt });
    tick();
    expect((await store.move(s.id, 'publish', 'rev')).story.publishedAt).toBe(new Date(publishedAt).toISOString());
    await store.move(s.id, 'unpublish', 'rev');
  });

  it('needs consent to name a private person, keeps it through edits, and sends an edited approved story back for approval', async () => {
    const before = (await store.list({})).length;
    expect(await refused(store.create(fields({ namesPrivate: true }), 'off', always))).toBe('consent_required');
    expect(await refused(store.create(fields({ unitId: 'no-such-unit' }), 'off', always))).toBe('unknown_unit');
    expect(await refused(store.create(fields({ photos: [{ sha256: C, alt: 'Ảnh' }] }), 'off', async (h) => h !== C))).toBe('unknown_photo');
    expect((await store.list({})).length).toBe(before);

    tick();
    const s = await store.create(fields({ namesPrivate: true, consent: true, title: 'Hộ bà Hoa mở quầy QR' }), 'off', always);
    expect(s).toMatchObject({ namesPrivate: true, consent: true });
    const consentAt = (await store.row(s.id))!.consentAt;
    expect(consentAt).toBe(at);
    await store.move(s.id, 'submit', 'off');
    await store.move(s.id, 'approve', 'rev');

    tick();
    const edited = await store.update(s.id, fields({ namesPrivate: true, consent: true, title: 'Hộ bà Hoa bán hàng qua mã QR' }), 'rev', always);
    expect(edited).toMatchObject({ status: 'submitted', approvedByName: null, consent: true, title: 'Hộ bà Hoa bán hàng qua mã QR' });
    // The consent the author confirmed stands: who and when are kept.
    expect(await engine.db.select({ by: stories.consentBy, at: stories.consentAt }).from(stories).where(eq(stories.id, s.id)).get()).toEqual({ by: 'off', at: consentAt });
    expect(await refused(store.update(s.id, fields({ namesPrivate: true, consent: false }), 'rev', always))).toBe('consent_required');
    expect((await store.get(s.id))!.title).toBe('Hộ bà Hoa bán hàng qua mã QR');
    const dropped = await store.update(s.id, fields({ namesPrivate: false, consent: false }), 'rev', always);
    expect(dropped.consent).toBe(false);
  });

  it('lists newest change first (id breaking a tie), filters by status and unit, and puts a published row with no publishing time last', async () => {
    const tie = tick();
    const first = await store.create(fields({ title: 'Cùng lúc 1' }), 'off', always);
    const second = await store.create(fields({ title: 'Cùng lúc 2', unitId: 'mttq' }), 'rev', always);
    expect(first.createdAt).toBe(new Date(tie).toISOString());
    const all = await store.list({});
    const order = all.map((s) => [Date.parse(s.updatedAt), s.id] as const);
    expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : -1)));
    expect(all.slice(0, 2).map((s) => s.id)).toEqual([second.id, first.id].sort().reverse());
    expect((await store.list({ unitId: 'mttq' })).map((s) => s.id)).toEqual([second.id]);
    expect((await store.list({ status: 'submitted' })).every((s) => s.status === 'submitted')).toBe(true);

    // Three published: two in the order they were published, and an older row kept without its time.
    const { consent: _, ...text } = fields();
    const older = { ...text, id: '00000000-0000-7000-8000-000000000001', status: 'published' as const, html: '<p>Cũ</p>', photos: '[]', authorId: 'off', createdAt: START, updatedAt: tick(), publishedAt: null };
    await engine.db.insert(stories).values(older);
    const published: string[] = [];
    for (const s of [first, second]) {
      tick();
      await store.move(s.id, 'submit', 'off');
      await store.move(s.id, 'approve', 'rev');
      await store.move(s.id, 'publish', 'rev');
      published.unshift(s.id);
    }
    expect((await store.published()).map((i) => i.id)).toEqual([...published, older.id]);
    expect((await store.published(1)).map((i) => i.id)).toEqual([second.id]);
    expect((await store.publishedOne(older.id))!.publishedAt).toBe(new Date(older.updatedAt).toISOString());
    expect(await store.publishedVersion()).toEqual({ count: 4, lastChange: at });
  });

  it('makes a photo public only while a published story names it as a photo or thumbnail, not when its hash is only in a caption', async () => {
    const s = await store.create(fields({ photos: [{ sha256: B, alt: `Ảnh ${C}` }] }), 'rev', always);
    for (const action of ['submit', 'approve', 'publish'] as const) await store.move(s.id, action, 'rev');
    expect([await store.isPublishedPhoto(B), await store.isPublishedPhoto(C)]).toEqual([true, false]);
    expect([await store.isPhotoOfUnit(B, 'ttsnc'), await store.isPhotoOfUnit(C, 'ttsnc')]).toEqual([true, false]);
    // The file store has no C: an item lists only photos it holds.
    expect((await store.publishedOne(s.id))!.photos.map((p) => p.src)).toEqual([newsPhotoPath(B)]);
  });

  it('of two taps at once on the same step, one moves the story and the other finds it moved', async () => {
    const s = await store.create(fields({ title: 'Hai lần bấm' }), 'off', always);
    await store.move(s.id, 'submit', 'off');
    tick();
    const taps = await Promise.all([store.move(s.id, 'approve', 'rev'), store.move(s.id, 'approve', 'rev'), store.move(s.id, 'approve', 'rev')]);
    expect(taps.map((t) => t.changed).sort()).toEqual([false, false, true]);
    expect(taps.every((t) => t.story.status === 'approved')).toBe(true);
  });

  it('links an uploaded photo to its uploader once, and lets a unit use only the photos uploaded for it', async () => {
    const photos = createStoryPhotos(engine, {} as FileStore, () => at);
    const officer = { id: 'off' } as StaffUser;
    const reviewer = { id: 'rev' } as StaffUser;
    expect(await photos.link(C, officer, 'ttsnc')).toBe(true);
    expect(await photos.link(C, officer, 'ttsnc')).toBe(false);
    expect(await photos.link(C, reviewer, null)).toBe(true);
    expect([await photos.mayUse(C, null), await photos.mayUse(C, 'ttsnc'), await photos.mayUse(C, 'mttq'), await photos.mayUse(A, null)]).toEqual([true, true, false, false]);
  });
});
