// @vitest-environment happy-dom
// "Ghi vào nhật ký tuyên truyền" under a card, an LED screen and a poster: a
// unit officer's one tap sends the item's source, title and link with the
// channel's count (where it was posted, screen-hours, copies printed) and is
// told whether it was logged now or was already there; anyone else sees no
// form; without a connection it says the log needs one.
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outreachLogInputSchema } from '../../../../shared/outreach/outreach-log.ts';
import '../../i18n/index.ts';
import '../strings.ts';
import { outreachLogApi } from './log-api.ts';
import { LogToPlan } from './log-to-plan.tsx';

const item = { source: 'story:0190', title: 'Chợ Hòa Bình không dùng tiền mặt', link: 'https://hocvuso.example.vn/tin/0190', contentItem: '1.3' };

function serve(role: 'unit' | 'reviewer', answer: () => Response | Promise<Response> = () => Response.json({ activityId: 'a', planId: 'p', formCode: '2.1', subFormId: 'x', created: true }, { status: 201 })) {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (url === '/api/v1/auth/me') return Response.json({ user: { id: 'u1', username: 'lan', displayName: 'Lan', role, team: null } });
    if (url === '/api/v1/outreach-log' && init.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return answer();
    }
    return new Response('{}', { status: 404 });
  });
  return posted;
}

beforeEach(() => outreachLogApi.forget());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('logging a published item from the studio', () => {
  it('logs a card posted on Facebook with its link in one tap, once', async () => {
    let first = true;
    const posted = serve('unit', () => {
      const created = first;
      first = false;
      return Response.json({ activityId: 'a', planId: 'sample-nq57', formCode: '2.1', subFormId: 'facebook-post', created }, { status: created ? 201 : 200 });
    });
    const user = userEvent.setup();
    render(() => <LogToPlan channel="card" item={item} today="2025-05-20" />);
    await user.selectOptions(await screen.findByLabelText('Đăng ở đâu'), 'facebook-post');
    await user.type(screen.getByLabelText('Đường dẫn bài đăng (nếu có)'), 'https://www.facebook.com/phuong/posts/1');
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    expect(await screen.findByText('Đã ghi vào nhật ký tuyên truyền.')).toBeTruthy();
    expect(posted).toEqual([{ channel: 'card', subFormId: 'facebook-post', postLink: 'https://www.facebook.com/phuong/posts/1', startsOn: '2025-05-20', ...item }]);
    expect(outreachLogInputSchema.safeParse(posted[0]).success).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    expect(await screen.findByText('Mục này đã có trong nhật ký, không ghi thêm.')).toBeTruthy();
  });

  it('logs an LED screen\'s days and screen-hours', async () => {
    const posted = serve('unit');
    const user = userEvent.setup();
    const shown = { source: 'display:cong-phuong', title: 'Cổng phường', link: 'https://hocvuso.example.vn/display/cong-phuong' };
    render(() => <LogToPlan channel="screen" item={shown} today="2025-05-20" />);
    const from = await screen.findByLabelText('Chiếu từ ngày');
    await user.clear(from);
    await user.type(from, '2025-05-14');
    await user.type(screen.getByLabelText('Số giờ màn hình'), '84');
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    await screen.findByText('Đã ghi vào nhật ký tuyên truyền.');
    expect(posted).toEqual([{ channel: 'screen', ...shown, startsOn: '2025-05-14', endsOn: '2025-05-20', screenHours: 84 }]);
    expect(outreachLogInputSchema.safeParse(posted[0]).success).toBe(true);
  });

  it('fills an LED screen\'s hours from its heartbeats in one tap, for the days chosen', async () => {
    const asked: string[] = [];
    const posted = serve('unit');
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (!url.startsWith('/api/v1/displays/cong-phuong/hours')) return inner(url, init);
      asked.push(url);
      const from = new URL(url, 'http://x').searchParams.get('from');
      return Response.json({ id: 'cong-phuong', from, to: '2025-05-20', days: [], hours: from === '2025-05-20' ? 0.2 : 83.6 });
    });
    const user = userEvent.setup();
    const shown = { source: 'display:cong-phuong', title: 'Cổng phường', link: 'https://hocvuso.example.vn/display/cong-phuong' };
    render(() => <LogToPlan channel="screen" screenId="cong-phuong" item={shown} today="2025-05-20" />);
    // Today only: a few minutes on, nothing to fill in, and it says why.
    await screen.findByTestId('screen-hours-none');
    const from = screen.getByLabelText('Chiếu từ ngày');
    await user.clear(from);
    await user.type(from, '2025-05-14');
    await user.click(await screen.findByRole('button', { name: 'Điền số giờ màn hình đã bật: 84 giờ' }));
    expect((screen.getByLabelText('Số giờ màn hình') as HTMLInputElement).value).toBe('84');
    expect(asked.at(-1)).toBe('/api/v1/displays/cong-phuong/hours?from=2025-05-14&to=2025-05-20');
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    await screen.findByText('Đã ghi vào nhật ký tuyên truyền.');
    expect(posted).toEqual([{ channel: 'screen', ...shown, startsOn: '2025-05-14', endsOn: '2025-05-20', screenHours: 84 }]);
  });

  it('fills the hours of all the screens ticked, summed by the server, each screen\'s part shown', async () => {
    const asked: string[] = [];
    serve('unit');
    const inner = globalThis.fetch;
    const parts: Record<string, number> = { 'cong-phuong': 40.4, 'cho-hoa-binh': 30.2, 'nha-van-hoa': 12.1, 'ben-xe': 0 };
    const firstDays: Record<string, string> = { 'nha-van-hoa': '2025-05-16', 'ben-xe': '2025-05-21' };
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://x');
      if (u.pathname === '/api/v1/displays/cong-phuong/hours') return Response.json({ id: 'cong-phuong', from: u.searchParams.get('from'), to: u.searchParams.get('to'), days: [], hours: 40.4, recordedFrom: '2025-01-01' });
      if (u.pathname !== '/api/v1/displays/hours') return inner(url, init);
      asked.push(url);
      const ids = u.searchParams.get('ids')!.split(',');
      const screens = ids.map((id) => ({ id, name: id, hours: parts[id], recordedFrom: firstDays[id] ?? '2025-01-01' }));
      return Response.json({ from: u.searchParams.get('from'), to: u.searchParams.get('to'), screens, days: [], hours: Math.round(screens.reduce((n, s) => n + s.hours, 0) * 10) / 10 });
    });
    const user = userEvent.setup();
    const shown = { source: 'display:cong-phuong', title: 'Cổng phường', link: 'https://hocvuso.example.vn/display/cong-phuong' };
    const screens = [
      { id: 'cong-phuong', name: 'Cổng phường' },
      { id: 'cho-hoa-binh', name: 'Chợ Hòa Bình' },
      { id: 'nha-van-hoa', name: 'Nhà văn hóa tổ 5' },
      { id: 'ben-xe', name: 'Bến xe' },
    ];
    render(() => <LogToPlan channel="screen" screenId="cong-phuong" screens={screens} item={shown} today="2025-05-20" />);
    const from = await screen.findByLabelText('Chiếu từ ngày');
    await user.clear(from);
    await user.type(from, '2025-05-14');
    // All four at first: each one's part, a newer one's days before it was counted said to be unrecorded,
    // and one counted only after these days: unknown, not 0.
    await user.click(await screen.findByRole('button', { name: 'Điền tổng giờ của 4 màn hình: 83 giờ' }));
    expect((screen.getByLabelText('Số giờ màn hình') as HTMLInputElement).value).toBe('83');
    expect(asked.at(-1)).toBe('/api/v1/displays/hours?ids=cong-phuong%2Ccho-hoa-binh%2Cnha-van-hoa%2Cben-xe&from=2025-05-14&to=2025-05-20');
    expect(screen.getByTestId('screen-part-cho-hoa-binh').textContent).toBe('30,2 giờ');
    expect(screen.getByTestId('screens-hours').textContent).toContain('chưa ghi lại giờ trước ngày 16/05/2025');
    expect(screen.getByTestId('screen-part-ben-xe').textContent).toBe('không rõ');
    // The market did not show this loop: untick it, and the sum is asked again without it.
    await user.click(screen.getByRole('checkbox', { name: /Chợ Hòa Bình/ }));
    await user.click(await screen.findByRole('button', { name: 'Điền tổng giờ của 3 màn hình: 53 giờ' }));
    expect((screen.getByLabelText('Số giờ màn hình') as HTMLInputElement).value).toBe('53');
    expect(asked.at(-1)).toBe('/api/v1/displays/hours?ids=cong-phuong%2Cnha-van-hoa%2Cben-xe&from=2025-05-14&to=2025-05-20');
    expect(screen.queryByTestId('screen-part-cho-hoa-binh')).toBeNull();
  });

  it('says hours before a screen was counted were not recorded, instead of none', async () => {
    serve('unit');
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://x');
      if (u.pathname !== '/api/v1/displays/cong-phuong/hours') return inner(url, init);
      return Response.json({ id: 'cong-phuong', from: u.searchParams.get('from'), to: u.searchParams.get('to'), days: [], hours: 0, recordedFrom: '2025-05-21' });
    });
    const user = userEvent.setup();
    const shown = { source: 'display:cong-phuong', title: 'Cổng phường', link: 'https://hocvuso.example.vn/display/cong-phuong' };
    render(() => <LogToPlan channel="screen" screenId="cong-phuong" item={shown} today="2025-05-20" />);
    const from = await screen.findByLabelText('Chiếu từ ngày');
    await user.clear(from);
    await user.type(from, '2025-05-14');
    expect((await screen.findByTestId('screen-hours-unrecorded')).textContent).toBe(
      'Giờ bật trước ngày 21/05/2025 chưa được ghi lại: khi đó ứng dụng chưa đếm giờ của màn hình này, nên không biết màn hình đã bật bao lâu (không phải 0 giờ).',
    );
    expect(screen.queryByTestId('screen-hours-none')).toBeNull();
    expect(screen.queryByRole('button', { name: /Điền số giờ màn hình đã bật/ })).toBeNull();
  });

  it('logs the copies of a poster printed, and says when the log needs the network', async () => {
    let online = true;
    const posted = serve('unit', () => {
      if (!online) throw new TypeError('Failed to fetch');
      return Response.json({ activityId: 'a', planId: 'p', formCode: '2.3', subFormId: 'poster', created: true }, { status: 201 });
    });
    const user = userEvent.setup();
    const poster = { source: 'poster:app', title: 'Cả phường cùng học kỹ năng số', link: 'https://hocvuso.example.vn/' };
    render(() => <LogToPlan channel="poster" item={poster} today="2025-05-20" />);
    await user.type(await screen.findByLabelText('Số bản đã in'), '40');
    online = false;
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    expect((await screen.findByRole('alert')).textContent).toContain('cần có mạng');
    online = true;
    await user.click(screen.getByRole('button', { name: 'Ghi vào nhật ký' }));
    await screen.findByText('Đã ghi vào nhật ký tuyên truyền.');
    expect(posted.at(-1)).toEqual({ channel: 'poster', ...poster, startsOn: '2025-05-20', copies: 40 });
  });

  it('shows nothing to staff who have no unit log (a reviewer)', async () => {
    serve('reviewer');
    render(() => <LogToPlan channel="poster" item={item} today="2025-05-20" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: 'Ghi vào nhật ký' })).toBeNull();
  });
});
