// The LED loop: a slide with nothing to show is skipped, the loop wraps, a
// playlist with nothing to show stops; the kept copy survives a reload and a
// damaged copy is ignored; old data is labelled by this screen's own clock.
import { describe, expect, it } from 'vitest';
import type { DisplayFeed } from '../../../shared/displays/schema.ts';
import { readCachedFeed, writeCachedFeed } from './feed-cache.ts';
import { burnInShift, isStale, nextSlide, STALE_MS, storyOf } from './playlist.ts';

const feed = (slides: DisplayFeed['screen']['slides'], learners = 0, groups: DisplayFeed['coverage']['groups'] = []): DisplayFeed => ({
  screen: { id: 'cong', name: 'Cổng', slides },
  wardName: 'Phường X',
  appUrl: 'https://hocvuso.example.vn/',
  coverage: { learners, groups },
  sessions: [],
  stories: [],
  generatedAt: '2026-12-05T08:00:00.000Z',
});

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

describe('the LED loop', () => {
  it('shows a story slide only with a published story: the chosen one, else the latest', () => {
    const story = (id: string) => ({ id, kind: 'typical-model', title: id, summary: '', unitName: null, publishedAt: '2026-12-01T00:00:00.000Z', photo: null });
    const latest = { ...feed([{ kind: 'story', seconds: 10 }, { kind: 'qr', seconds: 10 }]), stories: [story('a'), story('b')] };
    expect(storyOf(latest.screen.slides[0], latest)?.id).toBe('a');
    expect(nextSlide(latest, 1)).toBe(0);
    const chosen = { ...latest, screen: { ...latest.screen, slides: [{ kind: 'story' as const, seconds: 10, storyId: 'b' }, { kind: 'qr' as const, seconds: 10 }] } };
    expect(storyOf(chosen.screen.slides[0], chosen)?.id).toBe('b');
    // Taken down (no longer in the feed), or nothing published: skipped.
    const gone = { ...chosen, stories: [story('a')] };
    expect(nextSlide(gone, 1)).toBe(1);
    expect(nextSlide({ ...latest, stories: [] }, 1)).toBe(1);
  });

  it('skips slides with nothing to show and wraps around', () => {
    const f = feed([{ kind: 'qr', seconds: 10 }, { kind: 'coverage', seconds: 10 }, { kind: 'slogan', seconds: 10, text: 'Học' }]);
    expect(nextSlide(f, -1)).toBe(0);
    expect(nextSlide(f, 0)).toBe(2); // no figures yet: the coverage slide is skipped
    expect(nextSlide(f, 2)).toBe(0);
    const withFigures = feed(f.screen.slides, 12, [{ name: 'Tổ 1', completedShare: 0.1 }]);
    expect(nextSlide(withFigures, 0)).toBe(1);
    expect(nextSlide(feed([{ kind: 'coverage', seconds: 10 }]), -1)).toBe(-1);
  });

  it('labels data as old by when this screen received it, not by the server\'s clock', () => {
    expect(isStale(1_000_000, 1_000_000 + STALE_MS)).toBe(false);
    expect(isStale(1_000_000, 1_000_001 + STALE_MS)).toBe(true);
  });

  it('moves the picture a few pixels each slide and comes back', () => {
    const seen = Array.from({ length: 8 }, (_, i) => burnInShift(i));
    expect(new Set(seen.map((p) => `${p.x},${p.y}`)).size).toBe(8);
    expect(burnInShift(8)).toEqual(burnInShift(0));
    for (const p of seen) expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(12);
  });

  it('keeps the last feed for a reload, and ignores a damaged or foreign copy', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const f = feed([{ kind: 'qr', seconds: 10 }]);
    expect(readCachedFeed('cong', storage)).toBeNull();
    writeCachedFeed({ feed: f, receivedAt: 42 }, storage);
    expect(readCachedFeed('cong', storage)).toEqual({ feed: f, receivedAt: 42 });
    expect(readCachedFeed('other', storage)).toBeNull();
    storage.setItem('hvs-display:cong', '{not json');
    expect(readCachedFeed('cong', storage)).toBeNull();
  });
});
