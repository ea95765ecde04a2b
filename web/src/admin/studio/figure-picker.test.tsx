// @vitest-environment happy-dom
// Posters and cards from a live figure: the studio lists the ward's current
// figures, each with the kind of figure it is (self-reported, confirmed by a
// guide…) and the day it is as of, asked for over the whole record ("đến nay")
// only when the list is opened; one tap puts the sentence on the poster.
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/index.ts';
import '../strings.ts';
import PostersPage from '../posters-page.tsx';
import { sloganCard } from './card-sources.ts';
import { toDateRange } from './figure-picker.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (groupId: string, name: string, households: number, five: number | string, share: number | null) => ({
  groupId, name, adultPopulation: households * 2, households, figuresAreSample: false, reached: 40, completed: 30, reachedShare: 0.2,
  completedShare: null, householdsRecorded: households, householdsFiveSkills: five, householdShare: share, completedThisMonth: 5, growthPoints: 1,
});
const DASHBOARD = {
  meta: { wardName: 'Phường Kiến An', isSampleProfile: false, isDemo: false, generatedAt: '2026-12-05T03:00:00.000Z' },
  range: { from: '2016-12-08', to: '2026-12-05', monthFrom: '2026-12-01', group: null },
  coverage: [row('tdp-1', 'Tổ dân phố 1', 120, 75, 0.625), row('tdp-2', 'Tổ dân phố 2', 80, '<5', null)],
  coverageCounted: ['verified', 'self-reported'],
  kinds: { verified: 1234, selfReported: 567, outcomes: 0, held: 3, official: { kinds: ['verified', 'self-reported', 'outcomes'], isDefault: true }, officialLessons: 1801 },
};

function stubServer(dashboard: 'ok' | 'forbidden') {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    asked.push(url);
    if (url.includes('/ward/admin/poster')) return Response.json({ publicOrigin: 'https://hvs.example.vn', wardName: 'Phường Kiến An' });
    if (url.includes('/stats/dashboard')) return dashboard === 'ok' ? Response.json(DASHBOARD) : Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 });
    if (url.includes('/plans')) return Response.json({ plans: [] });
    if (url.includes('/news')) return Response.json({ wardName: 'Phường Kiến An', items: [] });
    return Response.json({ version: 'v1', courses: [] });
  });
  return asked;
}

describe('live figures on posters and cards', () => {
  it('lists the current figures with their kind and date, and puts one on the poster in one tap', async () => {
    const asked = stubServer('ok');
    const user = userEvent.setup();
    render(() => <PostersPage />);
    const picker = await screen.findByTestId('figure-picker');
    // Nothing asked of the dashboard until the list is opened.
    expect(asked.some((u) => u.includes('/stats/dashboard'))).toBe(false);
    await user.click(within(picker).getByText('Đưa số liệu phong trào vào'));
    await waitFor(() => expect(within(picker).getAllByTestId('live-figure')).toHaveLength(4));
    const query = new URL(asked.find((u) => u.includes('/stats/dashboard'))!, 'http://x').searchParams;
    expect({ from: query.get('from'), to: query.get('to') }).toEqual(toDateRange());

    const figures = within(picker).getAllByTestId('live-figure');
    expect(figures.map((f) => f.dataset.key)).toEqual(['ward', 'group:tdp-1', 'kind:verified', 'kind:self-reported']);
    // The ward's total adds only shown counts and says so: a hidden "<5" cannot be worked out from it.
    expect(figures[0].textContent).toContain('ít nhất 38% hộ gia đình của Phường Kiến An');
    expect(figures[1].textContent).toContain('Tính đến ngày 5/12/2026, 63% hộ gia đình của Tổ dân phố 1 đã có người thành thạo năm kỹ năng số cơ bản.');
    expect(figures[1].textContent).toContain('Loại số liệu: Học có người hướng dẫn xác nhận + Tự học, tự khai trên điện thoại · Số liệu đến ngày 5/12/2026');
    expect(figures[3].textContent).toContain('Loại số liệu: Tự học, tự khai trên điện thoại · Số liệu đến ngày 5/12/2026');
    expect(figures[2].textContent).toContain('Loại số liệu: Học có người hướng dẫn xác nhận');
    expect(figures[2].textContent).toContain('1.234 lượt bài học có người hướng dẫn xác nhận');

    await user.click(within(figures[3]).getByRole('button', { name: 'Đưa vào' }));
    const sentence = 'Tính đến ngày 5/12/2026, người dân đã tự học và tự khai 567 lượt bài học trên điện thoại.';
    expect((screen.getByLabelText('Khẩu hiệu') as HTMLInputElement).value).toBe(sentence);
    expect(screen.getByTestId('poster').textContent).toContain(sentence);
  });

  it('says a staff account is needed when the server refuses the figures', async () => {
    stubServer('forbidden');
    const user = userEvent.setup();
    render(() => <PostersPage />);
    const picker = await screen.findByTestId('figure-picker');
    await user.click(within(picker).getByText('Đưa số liệu phong trào vào'));
    await within(picker).findByText('Cần đăng nhập tài khoản cán bộ phường để lấy số liệu.');
  });

  it('a card made from a figure\'s sentence says it is a figure, of which day', () => {
    const c = sloganCard('Phường Kiến An', 'https://hvs.example.vn', 'Tính đến ngày 5/12/2026, 63% hộ gia đình…', '2026-12-05');
    expect(c.spec.eyebrow).toBe('Số liệu phong trào · ngày 5/12/2026');
    expect(sloganCard('Phường Kiến An', 'https://hvs.example.vn', 'Cả phường cùng học').spec.eyebrow).toBe('Khẩu hiệu tuyên truyền');
  });
});
