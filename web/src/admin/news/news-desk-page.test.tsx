// @vitest-environment happy-dom
// The news desk: the preview is the residents' HTML as the text is typed (raw
// HTML escaped, a bad link named), the consent box is required once the item
// names someone private, a save sends the story, and the reviewer's steps
// follow the story's status.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../../shared/news/schema.ts';
import '../../i18n/index.ts';
import NewsDeskPage from './news-desk-page.tsx';

const story = (over: Partial<Story> = {}): Story => ({
  id: '01900000-0000-7000-8000-000000000001',
  kind: 'announcement',
  status: 'submitted',
  title: 'Lịch hướng dẫn cài VNeID',
  summary: '',
  body: 'Tại **nhà văn hóa**.',
  html: '<p>Tại <strong>nhà văn hóa</strong>.</p>',
  namesPrivate: false,
  consent: false,
  unitId: 'ttsnc',
  unitName: 'Trung tâm sự nghiệp công',
  photos: [],
  authorId: 'u1',
  authorName: 'Cán bộ TTSNC',
  createdAt: '2025-06-01T03:00:00.000Z',
  updatedAt: '2025-06-01T03:00:00.000Z',
  approvedByName: null,
  publishedAt: null,
  ...over,
});

/** A tiny server for one staff member; records the calls. */
function serve(role: 'unit' | 'reviewer', stories: Story[]) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/v1/auth/me') return Response.json({ user: { id: 'u1', username: 'x', displayName: 'X', role, team: null } });
    if (url === '/api/v1/units') return Response.json({ units: [{ id: 'ttsnc', name: 'Trung tâm sự nghiệp công', shortName: 'TTSNC', isSample: true }] });
    if (url.startsWith('/api/v1/stories') && method === 'GET') return Response.json({ stories });
    if (url === '/api/v1/stories' && method === 'POST') {
      const created = story({ ...body, id: '01900000-0000-7000-8000-000000000002', status: 'draft' });
      stories.unshift(created);
      return Response.json(created, { status: 201 });
    }
    const step = /\/api\/v1\/stories\/([\w-]+)\/(\w+)$/.exec(url);
    if (step && method === 'POST') {
      const s = stories.find((x) => x.id === step[1])!;
      s.status = ({ submit: 'submitted', approve: 'approved', publish: 'published', unpublish: 'unpublished' } as const)[step[2] as 'submit'];
      return Response.json(s);
    }
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
  });
  return calls;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('news desk', () => {
  it('previews the text as residents will see it, escaping raw HTML and naming a link it refuses', async () => {
    serve('unit', []);
    const user = userEvent.setup();
    render(() => <NewsDeskPage />);
    await user.click(await screen.findByTestId('news-new'));
    const body = screen.getByLabelText('Nội dung');
    await user.type(body, 'Chợ **không tiền mặt** <b>x</b>');
    const preview = screen.getByTestId('news-preview');
    expect(preview.querySelector('strong')?.textContent).toBe('không tiền mặt');
    expect(preview.querySelector('b')).toBeNull();
    expect(preview.textContent).toContain('<b>x</b>');
    await user.clear(body);
    await user.click(body);
    await user.paste('[bấm](javascript:alert)');
    expect((await screen.findByTestId('news-preview-problems')).textContent).toContain('javascript:alert');
  });

  it('asks for consent when the item names someone private, then sends the story', async () => {
    const calls = serve('unit', []);
    const user = userEvent.setup();
    render(() => <NewsDeskPage />);
    await user.click(await screen.findByTestId('news-new'));
    await user.type(screen.getByLabelText('Tiêu đề'), 'Chợ Hòa Bình không dùng tiền mặt');
    await user.type(screen.getByLabelText('Nội dung'), 'Các tiểu thương dùng mã QR.');
    await user.click(screen.getByLabelText('Tin có nêu tên một người dân, hộ kinh doanh hoặc doanh nghiệp'));
    await user.click(screen.getByTestId('news-save'));
    expect((await screen.findByTestId('news-editor-problem')).textContent).toContain('đã đồng ý');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(screen.getByLabelText('Người, hộ hoặc doanh nghiệp được nêu tên đã đồng ý cho đăng'));
    await user.click(screen.getByTestId('news-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/stories')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ kind: 'typical-model', title: 'Chợ Hòa Bình không dùng tiền mặt', namesPrivate: true, consent: true });
    // A unit officer never chooses the unit: the server sets their own.
    expect(sent).not.toHaveProperty('unitId');
    // The list shows it as a draft, with the step a unit officer may take.
    expect((await screen.findByTestId('news-desk-item')).dataset.status).toBe('draft');
    expect(screen.getByTestId('news-step-submit')).toBeTruthy();
  });

  it("gives the reviewer the step each story is at, and a unit officer none of the office's", async () => {
    const stories = [story(), story({ id: '01900000-0000-7000-8000-000000000003', status: 'approved', title: 'Hỗ trợ doanh nghiệp' })];
    const calls = serve('reviewer', stories);
    const user = userEvent.setup();
    render(() => <NewsDeskPage />);
    await screen.findByText('Lịch hướng dẫn cài VNeID');
    expect(screen.getAllByTestId('news-step-approve')).toHaveLength(1);
    expect(screen.getAllByTestId('news-step-publish')).toHaveLength(1);
    await user.click(screen.getByTestId('news-step-approve'));
    await waitFor(() => expect(screen.getAllByTestId('news-step-publish')).toHaveLength(2));
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/approve'))).toBe(true);
    cleanup();
    serve('unit', [story()]);
    render(() => <NewsDeskPage />);
    await screen.findByText('Lịch hướng dẫn cài VNeID');
    expect(screen.queryByTestId('news-step-approve')).toBeNull();
  });
});
