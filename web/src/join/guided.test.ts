import { describe, expect, it } from 'vitest';
import { GUIDED_WINDOW_MS, inGuidedSession } from './guided.ts';

const at = (iso: string) => Date.parse(iso);

describe('inGuidedSession', () => {
  it('holds from joining until the session\'s planned end', () => {
    const joined = [{ code: 'ABCDEFGH', joinedAt: '2026-12-05T02:00:00.000Z', title: 'x', endsAt: '2026-12-05T04:00:00.000Z' }];
    expect(inGuidedSession(joined, at('2026-12-05T03:59:00Z'))).toBe(true);
    expect(inGuidedSession(joined, at('2026-12-05T04:01:00Z'))).toBe(false);
    expect(inGuidedSession(joined, at('2026-12-05T01:59:00Z'))).toBe(false);
  });

  it('without a known end (joined offline), holds for a window after joining', () => {
    const joined = [{ code: 'ABCDEFGH', joinedAt: '2026-12-05T02:00:00.000Z', title: null }];
    expect(inGuidedSession(joined, at('2026-12-05T02:00:00Z') + GUIDED_WINDOW_MS)).toBe(true);
    expect(inGuidedSession(joined, at('2026-12-05T02:00:00Z') + GUIDED_WINDOW_MS + 1)).toBe(false);
    expect(inGuidedSession([], Date.now())).toBe(false);
  });
});
