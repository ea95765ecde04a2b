// @vitest-environment happy-dom
// The admin's audit page: entries in Vietnamese with who, what and when, the
// filters sent to the server, older pages on request, and a plain message for
// a non-admin.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditPage as Page } from '../../../shared/audit.ts';
import '../i18n/index.ts';
import AuditPage from './audit-page.tsx';

const entry = (id: number, overrides: Partial<Page['entries'][number]> = {}): Page['entries'][number] => ({
  id,
  at: '2025-06-01T03:00:00.000Z',
  actor: { id: 'u1', username: 'boss', role: 'admin' },
  action: 'staff.created',
  target: { type: 'user', id: 'tuan' },
  details: { role: 'guide', groups: 'tdp-2' },
  ...overrides,
});

function serve(pages: Array<Page | number>) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    const next = pages.shift()!;
    return typeof next === 'number' ? Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: next }) : Response.json(next);
  });
  return urls;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('audit page', () => {
  it('lists entries newest first in Vietnamese and loads older pages', async () => {
    const urls = serve([
      { entries: [entry(9), entry(8, { action: 'guide.session_created', actor: { id: 'g', username: 'hoa', role: 'guide' }, target: { type: 'session', id: 's-1' }, details: { occurredAt: '2025-05-31T02:00:00.000Z', groupId: 'tdp-1' } })], nextBefore: 8 },
      { entries: [entry(3, { action: 'auth.login', target: null, details: {} })], nextBefore: null },
    ]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('audit-entry');
    expect(first.textContent).toContain('Tạo tài khoản');
    expect(first.textContent).toContain('boss (quản trị)');
    expect(first.textContent).toContain('tài khoản tuan');
    expect(second.textContent).toContain('Tạo buổi học');
    expect(second.textContent).toContain('hoa (hướng dẫn viên)');
    expect(second.textContent).toContain('ghi trên máy lúc');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2025-06-01T03:00:00.000Z');
    await userEvent.click(screen.getByRole('button', { name: 'Xem cũ hơn' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(3));
    expect(urls[1]).toContain('before=8');
    expect(screen.queryByRole('button', { name: 'Xem cũ hơn' })).toBeNull();
  });

  it('names the server console and reads the details in Vietnamese', async () => {
    serve([{ entries: [entry(1, { actor: { id: null, username: '(server console)', role: 'operator' }, target: { type: 'user', id: 'admin' }, details: { role: 'admin', firstRun: true } })], nextBefore: null }]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(1));
    const text = screen.getByTestId('audit-entry').textContent!;
    expect(text).toContain('máy chủ (dòng lệnh)');
    expect(text).not.toContain('server console');
    expect(text).toContain('vai trò: quản trị · lần chạy đầu tiên');
  });

  it("reads the registers' statuses, platforms and actions in words", async () => {
    serve([
      {
        entries: [
          entry(2, { action: 'misinformation.logged', target: { type: 'misinformation', id: 'm1' }, details: { platform: 'tiktok', action: 'corrected', status: 'following' } }),
          entry(1, { action: 'difficulty.handled', target: { type: 'difficulty', id: 'd1' }, details: { unitId: 'ttsnc', status: 'proposed' } }),
        ],
        nextBefore: null,
      },
    ]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(2));
    const [logged, handled] = screen.getAllByTestId('audit-entry').map((e) => e.textContent!);
    expect(logged).toContain('nền tảng: TikTok · biện pháp: đã đăng tin cải chính · trạng thái: đang theo dõi');
    expect(handled).toContain('trạng thái: đã đề xuất UBND phường');
    expect(handled).toContain('Ghi xử lý khó khăn, vướng mắc');
  });

  it('reads sessions, groups, courses and outcomes by name, not by id or code (UX review 2026-12, minor 17)', async () => {
    const session = { title: 'Cài VNeID cho người cao tuổi', startsAt: '2025-06-01T01:30:00.000Z', code: 'ACDE3467' };
    const sessionId = '01a2419d-47c0-7000-8000-000000000001';
    serve([
      {
        entries: [
          entry(3, { action: 'guide.outcome_confirmed', target: { type: 'session', id: sessionId }, details: { outcome: 'vneid-level2-activated' }, names: { session } }),
          entry(2, { action: 'guide.lesson_recorded', target: { type: 'session', id: sessionId }, details: { courseId: 'public-services', lessonId: 'portal' }, names: { session, course: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' } } }),
          entry(1, { action: 'guide.learner_registered', target: { type: 'group', id: 'tdp-1' }, details: { sessionId }, names: { session, group: 'Tổ dân phố Hòa Bình' } }),
          entry(0, { action: 'auth.login_failed', actor: { id: null, username: '(unknown account)', role: 'none' }, target: null, details: { address: '203.0.113.9', reason: 'unknown_account' } }),
        ],
        nextBefore: null,
      },
    ]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(4));
    const [outcome, lesson, registered, failed] = screen.getAllByTestId('audit-entry').map((e) => e.textContent!);
    expect(outcome).toContain('buổi học “Cài VNeID cho người cao tuổi”');
    expect(outcome).toContain('mã ACDE3467');
    expect(outcome).toContain('kết quả: Đã kích hoạt VNeID mức 2');
    expect(lesson).toContain('khóa học: Dịch vụ công trực tuyến');
    expect(registered).toContain('tổ dân phố Tổ dân phố Hòa Bình');
    expect(registered).toContain('buổi học: “Cài VNeID cho người cao tuổi”');
    for (const text of [outcome, lesson, registered]) expect(text).not.toMatch(/01a2419d|vneid-level2-activated|public-services|tdp-1/);
    expect(failed).toContain('Đăng nhập sai');
    expect(failed).toContain('tên đăng nhập không có trong hệ thống');
    expect(failed).toContain('lý do: không có tài khoản này');
  });

  it('sends the filters to the server', async () => {
    const urls = serve([{ entries: [], nextBefore: null }, { entries: [], nextBefore: null }]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getByText('Chưa có thao tác nào khớp với bộ lọc.')).toBeTruthy());
    await userEvent.type(screen.getByLabelText(/Tên đăng nhập/), 'hoa');
    await userEvent.selectOptions(screen.getByLabelText('Thao tác'), 'guide.lesson_recorded');
    await userEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() => expect(urls).toHaveLength(2));
    expect(new URL(urls[1], 'http://x').searchParams.toString()).toBe('actor=hoa&action=guide.lesson_recorded');
  });

  it('tells a non-admin to log in as admin', async () => {
    serve([403]);
    render(() => <AuditPage />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('chỉ dành cho quản trị viên'));
  });
});
