// @vitest-environment happy-dom
// The self-check's before/after on the dashboard: what the server sent, "<5"
// and hidden counts as sent, a missing average as a dash.
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SelfCheckSummary } from '../../../shared/stats/self-check.ts';
import '../i18n/index.ts';
import './strings.ts';
import { SelfCheckSection } from './self-check-section.tsx';

const summary: SelfCheckSummary = {
  tookIt: 16,
  ward: { repeated: 15, firstAverage: 33, latestAverage: 83.5, improved: 15 },
  groups: [
    { groupId: 'tdp-1', name: 'Tổ dân phố 1', repeated: 7, firstAverage: 33, latestAverage: 83.5, improved: 7 },
    { groupId: 'tdp-2', name: 'Tổ dân phố 2', repeated: '*', firstAverage: null, latestAverage: null, improved: null },
    { groupId: 'tdp-3', name: 'Tổ dân phố 3', repeated: '<5', firstAverage: null, latestAverage: null, improved: null },
  ],
  skills: [{ skill: 'public-services', repeated: 15, firstAverage: 33, latestAverage: 100, improved: 15 }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('self-check section', () => {
  it('shows each group\'s figures as the server sent them', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    render(() => <SelfCheckSection />);
    await screen.findByTestId('self-check-groups');
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('/api/v1/stats/self-check');
    const cells = (id: string) => [...screen.getByTestId(`self-check-row-${id}`).querySelectorAll('td')].map((td) => td.textContent);
    expect(cells('tdp-1')).toEqual(['7', '33', '83,5', '7']);
    expect(cells('tdp-2')).toEqual(['*', '—', '—', '—']);
    expect(cells('tdp-3')).toEqual(['<5', '—', '—', '—']);
    expect(screen.getByTestId('self-check-took-it').textContent).toBe('16');
    expect(screen.getByTestId('self-check-skills').textContent).toContain('100');
  });
});
