// @vitest-environment happy-dom
// The registers' forms: what each sends, what it refuses before sending,
// and that a save which cannot reach the server says "not saved" and keeps
// what was typed (no outbox: nothing pretends to be kept).
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { Budget, Difficulty } from '../../../shared/registers/schema.ts';
import '../i18n/index.ts';
import { HttpError, NetworkError } from '../net/http.ts';
import { BudgetForm } from './budget-form.tsx';
import { DecisionForm } from './decision-form.tsx';
import { DifficultyForm } from './difficulty-form.tsx';
import { HandlingForm } from './handling-form.tsx';
import { MisinfoForm } from './misinfo-form.tsx';
import './strings.ts';

const plan = {
  id: 'sample-nq57',
  contentItems: [
    { code: '1.1', title: 'Chủ trương', points: [] },
    { code: '1.2', title: 'Nghị quyết 57', points: [] },
  ],
} as unknown as Plan;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('difficulty form', () => {
  it("sends the unit's difficulty with its content item, then clears", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    render(() => <DifficultyForm plan={plan} onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Nội dung kế hoạch liên quan'), '1.2');
    await user.type(screen.getByLabelText('Tóm tắt'), 'Thiếu loa ở tổ 5');
    await user.type(screen.getByLabelText('Chi tiết (nếu cần)'), 'Loa hỏng.');
    const day = screen.getByLabelText('Ngày phát sinh') as HTMLInputElement;
    await user.clear(day);
    await user.type(day, '2025-06-02');
    await user.click(screen.getByRole('button', { name: 'Gửi khó khăn, vướng mắc' }));
    await waitFor(() => expect(screen.getByText('Đã lưu.')).toBeTruthy());
    expect(onSubmit).toHaveBeenCalledWith({ planId: 'sample-nq57', itemCode: '1.2', summary: 'Thiếu loa ở tổ 5', details: 'Loa hỏng.', raisedOn: '2025-06-02' });
    expect((screen.getByLabelText('Tóm tắt') as HTMLInputElement).value).toBe('');
  });

  it('offline: says it was not saved and keeps the text', async () => {
    const user = userEvent.setup();
    render(() => <DifficultyForm plan={plan} onSubmit={() => Promise.reject(new NetworkError('Failed to fetch'))} />);
    await user.type(screen.getByLabelText('Tóm tắt'), 'Thiếu loa');
    await user.click(screen.getByRole('button', { name: 'Gửi khó khăn, vướng mắc' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Chưa lưu: không có kết nối mạng. Nội dung vẫn còn trong biểu mẫu, hãy gửi lại khi có mạng.');
    expect((screen.getByLabelText('Tóm tắt') as HTMLInputElement).value).toBe('Thiếu loa');
  });

  it("says so when the entry is another unit's", async () => {
    const user = userEvent.setup();
    render(() => <DifficultyForm plan={plan} onSubmit={() => Promise.reject(new HttpError(403, 'forbidden', 'This entry belongs to another unit'))} />);
    await user.type(screen.getByLabelText('Tóm tắt'), 'x');
    await user.click(screen.getByRole('button', { name: 'Gửi khó khăn, vướng mắc' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Mục này thuộc đơn vị khác.');
  });
});

describe('handling form', () => {
  it('records a proposal to the People\'s Committee', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const entry = { id: 'd1', unitName: 'TTSNC', summary: 'Thiếu loa', status: 'new', handling: null, raisedOn: '2025-06-02' } as Difficulty;
    render(() => <HandlingForm entry={entry} onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'proposed');
    await user.type(screen.getByLabelText('Cách xử lý, hoặc nội dung đề xuất UBND phường'), 'Trình UBND phường.');
    const day = screen.getByLabelText('Ngày xử lý') as HTMLInputElement;
    await user.clear(day);
    await user.type(day, '2025-06-05');
    await user.click(screen.getByRole('button', { name: 'Lưu kết quả xử lý' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ status: 'proposed', handling: 'Trình UBND phường.', handledOn: '2025-06-05' }));
  });
});

describe('false-information form', () => {
  it('says to record only the public link, has no name field, and refuses a link that is not http(s)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const { container } = render(() => <MisinfoForm plan={plan} onSubmit={onSubmit} />);
    expect(screen.getByTestId('misinfo-privacy').textContent).toContain('Chỉ ghi đường dẫn công khai');
    expect(container.querySelector('input[name*="name" i], input[name*="phone" i], input[name*="account" i]')).toBeNull();
    await user.type(screen.getByLabelText('Đường dẫn công khai (bắt đầu bằng http:// hoặc https://)'), 'ftp://social.example/p/1');
    await user.type(screen.getByLabelText('Mô tả ngắn'), 'Bài đăng sai');
    await user.type(screen.getByLabelText('Đánh giá'), 'Sai sự thật');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Đường dẫn phải bắt đầu bằng http:// hoặc https://');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a published correction with its link and dates', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    render(() => <MisinfoForm plan={plan} onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Nền tảng'), 'tiktok');
    await user.type(screen.getByLabelText('Đường dẫn công khai (bắt đầu bằng http:// hoặc https://)'), 'https://video.example/v/1');
    const seen = screen.getByLabelText('Ngày phát hiện') as HTMLInputElement;
    await user.clear(seen);
    await user.type(seen, '2025-06-03');
    await user.type(screen.getByLabelText('Mô tả ngắn'), 'Video giả mạo phường');
    await user.type(screen.getByLabelText('Đánh giá'), 'Gây hiểu lầm');
    await user.selectOptions(screen.getByLabelText('Biện pháp'), 'corrected');
    await user.type(screen.getByLabelText('Đường dẫn tin cải chính'), 'https://phuong.example/tin/1');
    const acted = screen.getByLabelText('Ngày thực hiện biện pháp') as HTMLInputElement;
    await user.clear(acted);
    await user.type(acted, '2025-06-04');
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'closed');
    const closed = screen.getByLabelText('Ngày kết thúc') as HTMLInputElement;
    await user.clear(closed);
    await user.type(closed, '2025-06-05');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      planId: 'sample-nq57',
      itemCode: null,
      platform: 'tiktok',
      link: 'https://video.example/v/1',
      seenOn: '2025-06-03',
      description: 'Video giả mạo phường',
      assessment: 'Gây hiểu lầm',
      action: 'corrected',
      correctionLink: 'https://phuong.example/tin/1',
      actionOn: '2025-06-04',
      status: 'closed',
      closedOn: '2025-06-05',
      screenshotFile: null,
    });
  });
});

describe('the screenshot of a false post', () => {
  const fill = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.type(screen.getByLabelText('Đường dẫn công khai (bắt đầu bằng http:// hoặc https://)'), 'https://social.example/p/9');
    await user.type(screen.getByLabelText('Mô tả ngắn'), 'Bài nói VNeID thu phí');
    await user.type(screen.getByLabelText('Đánh giá'), 'Sai sự thật');
  };
  const picture = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'chup-man-hinh.jpg', { type: 'image/jpeg' });

  it('is uploaded when chosen, shown, and named by the saved entry; removed, it is not', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const upload = vi.fn(async () => 'c'.repeat(64));
    render(() => <MisinfoForm plan={plan} onSubmit={onSubmit} upload={upload} />);
    await fill(user);
    await user.upload(screen.getByLabelText('Chọn ảnh chụp màn hình'), picture());
    const img = (await screen.findByTestId('misinfo-screenshot-img')) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(`/api/v1/registers/screenshots/${'c'.repeat(64)}`);
    expect(upload).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ link: 'https://social.example/p/9', screenshotFile: 'c'.repeat(64) }));

    cleanup();
    const again = vi.fn(async () => undefined);
    render(() => <MisinfoForm plan={plan} onSubmit={again} upload={upload} />);
    await fill(user);
    await user.upload(screen.getByLabelText('Chọn ảnh chụp màn hình'), picture());
    await user.click(await screen.findByRole('button', { name: 'Bỏ ảnh' }));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(again).toHaveBeenCalledTimes(1));
    expect(again).toHaveBeenCalledWith(expect.objectContaining({ screenshotFile: null }));
  });

  it('says in words when the picture is refused, and the entry names none', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const upload = vi.fn(async () => {
      throw new HttpError(415, 'unsupported_type', 'A screenshot is a JPEG, PNG or WebP picture');
    });
    render(() => <MisinfoForm plan={plan} onSubmit={onSubmit} upload={upload} />);
    await fill(user);
    await user.upload(screen.getByLabelText('Chọn ảnh chụp màn hình'), picture());
    expect((await screen.findByRole('alert')).textContent).toBe('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
    expect(screen.queryByTestId('misinfo-screenshot-img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ screenshotFile: null }));
  });
});

describe('budget forms', () => {
  it('sends lines in whole đồng and previews the total', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    render(() => <BudgetForm plan={plan} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Nội dung đề xuất'), 'Tuyên truyền trực quan');
    await user.type(screen.getByLabelText('Khoản chi'), 'Pa nô');
    await user.type(screen.getByLabelText('Số lượng (nếu có)'), '2');
    await user.type(screen.getByLabelText('Thành tiền (đồng)'), '3000000');
    await user.click(screen.getByRole('button', { name: 'Thêm khoản' }));
    const descriptions = screen.getAllByLabelText('Khoản chi');
    await user.type(descriptions[1], 'Thuê xe loa');
    await user.type(screen.getAllByLabelText('Thành tiền (đồng)')[1], '1200000');
    expect(screen.getByTestId('budget-total').textContent).toBe('Tổng đề xuất: 4.200.000 đ');
    const day = screen.getByLabelText('Ngày đề xuất') as HTMLInputElement;
    await user.clear(day);
    await user.type(day, '2025-06-10');
    await user.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      planId: 'sample-nq57',
      title: 'Tuyên truyền trực quan',
      proposedOn: '2025-06-10',
      lines: [
        { description: 'Pa nô', quantity: 2, proposedAmount: 3_000_000 },
        { description: 'Thuê xe loa', quantity: null, proposedAmount: 1_200_000 },
      ],
    });
  });

  it('refuses an amount that is not whole đồng, sending nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    render(() => <BudgetForm plan={plan} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Nội dung đề xuất'), 'In tờ rơi');
    await user.type(screen.getByLabelText('Khoản chi'), 'Tờ rơi');
    await user.type(screen.getByLabelText('Thành tiền (đồng)'), '1.500.000,5');
    await user.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Thành tiền phải là số nguyên đồng, ví dụ 1500000');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('the decision approves per line, at most the proposed amount, or refuses', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const entry = {
      id: 'b1',
      unitName: 'KT-HT-ĐT',
      title: 'Pa nô',
      proposedOn: '2025-06-10',
      note: '',
      proposedTotal: 4_200_000,
      lines: [
        { description: 'Pa nô', quantity: 2, proposedAmount: 3_000_000, approvedAmount: null },
        { description: 'Xe loa', quantity: null, proposedAmount: 1_200_000, approvedAmount: null },
      ],
    } as unknown as Budget;
    render(() => <DecisionForm entry={entry} onSubmit={onSubmit} />);
    const second = screen.getByLabelText(/Duyệt cho khoản 2/) as HTMLInputElement;
    await user.clear(second);
    await user.type(second, '1300000');
    await user.click(screen.getByRole('button', { name: 'Duyệt các khoản trên' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Thành tiền phải là số nguyên đồng, ví dụ 1500000');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(second);
    await user.type(second, '0');
    const day = screen.getByLabelText('Ngày duyệt') as HTMLInputElement;
    await user.clear(day);
    await user.type(day, '2025-06-12');
    await user.click(screen.getByRole('button', { name: 'Duyệt các khoản trên' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ status: 'approved', approvedAmounts: [3_000_000, 0], decidedOn: '2025-06-12', note: '' }));
    await user.click(screen.getByRole('button', { name: 'Không duyệt' }));
    await waitFor(() => expect(onSubmit).toHaveBeenLastCalledWith({ status: 'rejected', approvedAmounts: [], decidedOn: '2025-06-12', note: '' }));
  });
});
