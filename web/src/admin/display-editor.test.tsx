// @vitest-environment happy-dom
// The LED screen editor: a new screen starts with a working loop; a slogan
// slide asks for its words; slides reorder; what is saved is what the
// server's schema accepts (no stray text on a QR slide).
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { displayInputSchema } from '../../../shared/displays/schema.ts';
import '../i18n/index.ts';
import './strings.ts';
import { DisplayEditor } from './display-editor.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeEach(() => {
  // No plans server unless a test gives one: the editor then offers no plan slogans.
  vi.stubGlobal('fetch', async () => new Response('{}', { status: 404 }));
});

describe('LED screen editor', () => {
  it('saves a new screen with a slogan first, in a shape the server accepts', async () => {
    const onSave = vi.fn(async () => undefined);
    const user = userEvent.setup();
    render(() => <DisplayEditor onSave={onSave} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText(/Mã màn hình/), 'nha-van-hoa-to-5');
    await user.type(screen.getByLabelText('Tên màn hình'), 'Nhà văn hóa tổ 5');
    expect(screen.getAllByRole('group', { name: /^Trang \d$/ })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Thêm trang chiếu' }));
    const fourth = screen.getByRole('group', { name: 'Trang 4' });
    await user.type(within(fourth).getByLabelText('Nội dung'), 'Cả phường cùng học kỹ năng số');
    // Move the slogan to the front: three steps up.
    for (let i = 4; i > 1; i--) await user.click(within(screen.getByRole('group', { name: `Trang ${i}` })).getByRole('button', { name: 'Lên' }));
    await user.click(screen.getByRole('button', { name: 'Lưu màn hình' }));
    expect(onSave).toHaveBeenCalledOnce();
    const [id, input] = onSave.mock.calls[0] as unknown as [string, unknown];
    expect(id).toBe('nha-van-hoa-to-5');
    const parsed = displayInputSchema.parse(input);
    expect(parsed.slides.map((s) => s.kind)).toEqual(['slogan', 'qr', 'coverage', 'sessions']);
    expect(parsed.slides[0].text).toBe('Cả phường cùng học kỹ năng số');
  });

  it('shows the server\'s refusal and keeps the form', async () => {
    const { HttpError } = await import('../net/http.ts');
    const onSave = vi.fn(async () => {
      throw new HttpError(400, 'invalid_request', 'slides: a slogan or an announcement needs its text');
    });
    const user = userEvent.setup();
    render(() => <DisplayEditor screen={{ id: 'cong', name: 'Cổng', slides: [{ kind: 'qr', seconds: 10 }], updatedAt: '', lastSeenAt: null }} onSave={onSave} onCancel={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Lưu màn hình' }));
    expect((await screen.findByRole('alert')).textContent).toContain('needs its text');
    expect(screen.getByLabelText('Tên màn hình')).toHaveProperty('value', 'Cổng');
  });

  it("offers the plans' slogans for a slogan slide", async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (url === '/api/v1/plans') return Response.json({ plans: [{ id: 'kh-57' }] });
      if (url === '/api/v1/plans/kh-57') return Response.json({ id: 'kh-57', slogans: ['Cả phường cùng học kỹ năng số', 'Học kỹ năng số ngay trên điện thoại'] });
      return new Response('{}', { status: 404 });
    });
    const onSave = vi.fn(async () => undefined);
    const user = userEvent.setup();
    render(() => <DisplayEditor screen={{ id: 'cong', name: 'Cổng', slides: [{ kind: 'slogan', seconds: 10, text: 'Cũ' }], updatedAt: '', lastSeenAt: null }} onSave={onSave} onCancel={() => undefined} />);
    await user.selectOptions(await screen.findByLabelText('Lấy khẩu hiệu trong kế hoạch'), 'Học kỹ năng số ngay trên điện thoại');
    expect(screen.getByLabelText('Nội dung')).toHaveProperty('value', 'Học kỹ năng số ngay trên điện thoại');
    await user.click(screen.getByRole('button', { name: 'Lưu màn hình' }));
    const [, input] = onSave.mock.calls[0] as unknown as [string, { slides: Array<{ text?: string }> }];
    expect(input.slides[0].text).toBe('Học kỹ năng số ngay trên điện thoại');
  });
});
