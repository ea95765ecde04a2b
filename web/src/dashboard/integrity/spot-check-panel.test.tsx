// @vitest-environment happy-dom
// The spot-check panel: draws for the dashboard's period, shows what to confirm
// by code, and sends each result; the totals follow the server's answer.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpotCheck } from '../../../../shared/integrity/spot-check.ts';
import '../../i18n/index.ts';
import { SpotCheckPanel } from './spot-check-panel.tsx';

const check = (result: SpotCheck['items'][number]['result'] = null): SpotCheck => ({
  id: 4,
  from: '2025-06-01',
  to: '2025-06-20',
  seed: 99,
  population: 12,
  drawnBy: 'lan',
  drawnAt: '2025-06-20T03:00:00.000Z',
  items: [
    { itemNo: 1, kind: 'outcome', code: 'ACD4F7', groupId: 'tdp-2', courseId: null, lessonId: null, outcome: 'vneid-level2-activated', day: '2025-06-15', guide: 'Chị Hoa', session: null, result },
  ],
  totals: { confirmed: result === 'confirmed' ? 1 : 0, notConfirmed: 0, unreachable: 0, pending: result ? 0 : 1 },
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('spot-check panel', () => {
  it('draws for the period and records a result', async () => {
    const calls: Array<{ url: string; method?: string; body?: string }> = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method, body: init?.body as string | undefined });
      return Response.json(init?.method === 'PUT' ? check('confirmed') : check(), { status: init?.method === 'POST' ? 201 : 200 });
    });
    render(() => <SpotCheckPanel from="2025-06-01" to="2025-06-20" groupName={(id) => (id === 'tdp-2' ? 'Tổ dân phố 2' : '?')} />);
    await userEvent.click(screen.getByTestId('spot-draw'));
    await waitFor(() => expect(screen.getByTestId('spot-items')).toBeTruthy());
    expect(JSON.parse(calls[0].body!)).toEqual({ from: '2025-06-01', to: '2025-06-20', size: 10 });
    // Nobody chooses the seed: there is no field for it, and the panel says how it is made.
    expect(screen.queryByTestId('spot-seed')).toBeNull();
    expect(screen.getByTestId('spot-seed-rule').textContent).toContain('hạt giống');
    const items = screen.getByTestId('spot-items');
    expect(items.textContent).toContain('ACD 4F7');
    expect(items.textContent).toContain('Tổ dân phố 2');
    expect(items.textContent).toContain('Đã kích hoạt VNeID mức 2');
    expect(screen.getByTestId('spot-totals').textContent).toContain('1 chưa kiểm tra');
    await userEvent.click(screen.getByText('Xác nhận đúng'));
    await waitFor(() => expect(screen.getByTestId('spot-totals').textContent).toContain('1 đúng'));
    expect(calls[1]).toMatchObject({ url: '/api/v1/integrity/spot-checks/4/items/1', method: 'PUT', body: JSON.stringify({ result: 'confirmed' }) });
  });
});
