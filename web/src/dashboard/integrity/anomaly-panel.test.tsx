// @vitest-environment happy-dom
// The anomaly view: counts per rule and group, learners by code only, and a
// decision per learner sent to the server.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Anomalies } from '../../../../shared/integrity/api.ts';
import { DEFAULT_PLAUSIBILITY } from '../../../../shared/integrity/plausibility.ts';
import '../../i18n/index.ts';
import { AnomalyPanel } from './anomaly-panel.tsx';

const view: Anomalies = {
  limits: DEFAULT_PLAUSIBILITY,
  rules: [
    { rule: 'too-fast', learners: 2, records: 9 },
    { rule: 'lessons-per-hour', learners: 0, records: 0 },
    { rule: 'learners-per-device', learners: 0, records: 0 },
    { rule: 'registrations-per-address', learners: 2, records: 9 },
    { rule: 'guided-lessons-per-learner', learners: 0, records: 0 },
    { rule: 'guided-learners-per-hour', learners: 0, records: 0 },
    { rule: 'outside-session', learners: 1, records: 1 },
  ],
  groups: [{ groupId: 'tdp-1', learners: 2, records: 9 }],
  learners: [
    { ref: 'q1w2e3r4t5y6u7i8o9p0as', code: 'ACD4F7', groupId: 'tdp-1', rules: ['too-fast', 'registrations-per-address'], held: 5, since: '2025-06-12T01:00:00.000Z' },
    { ref: 'zxcvbnmasdfghjklqwerty', code: 'KMN3PQ', groupId: 'tdp-1', rules: ['too-fast'], held: 4, since: '2025-06-12T01:00:00.000Z' },
    { ref: 'poiuytrewqlkjhgfdsamnb', code: 'PQR7ST', groupId: 'tdp-1', rules: ['outside-session'], held: 1, since: '2025-06-12T02:00:00.000Z' },
  ],
  waiting: 3,
  decided: { accepted: 0, dismissed: 0 },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('anomaly panel', () => {
  it('shows counts and codes, and sends a decision', async () => {
    const calls: Array<{ url: string; body?: string }> = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body as string | undefined });
      return url.endsWith('/review') ? Response.json({ decision: 'accepted', records: 5 }) : Response.json(view);
    });
    render(() => <AnomalyPanel groupName={(id) => (id === 'tdp-1' ? 'Tổ dân phố 1' : '?')} />);
    await userEvent.click(screen.getByTestId('anomalies-load'));
    await waitFor(() => expect(screen.getByTestId('anomaly-learners')).toBeTruthy());
    expect(screen.getByTestId('anomalies-by-rule').textContent).toContain('Học quá nhanh so với độ dài bài');
    expect(screen.getByTestId('anomalies-by-rule').textContent).toContain('Bản ghi ngoài thời gian của buổi hướng dẫn');
    expect(screen.getByTestId('guide-limits').textContent).toContain('quá 40 người học/giờ/người hướng dẫn');
    expect(screen.getByTestId('anomalies-by-group').textContent).toContain('Tổ dân phố 1');
    const list = screen.getByTestId('anomaly-learners');
    expect(list.textContent).toContain('ACD 4F7');
    expect(list.textContent).not.toContain('q1w2e3r4');
    await userEvent.click(screen.getAllByText('Chấp nhận (tính vào số liệu)')[0]);
    await waitFor(() => expect(screen.getByText('Đã chấp nhận 5 bản ghi')).toBeTruthy());
    const review = calls.find((c) => c.url.endsWith('/review'))!;
    expect(review.url).toBe('/api/v1/integrity/learners/q1w2e3r4t5y6u7i8o9p0as/review');
    expect(JSON.parse(review.body!)).toEqual({ decision: 'accepted' });
    // The other learner still waits for a decision.
    expect(screen.getAllByText('Loại bỏ (không tính)')).toHaveLength(2);
  });
});
