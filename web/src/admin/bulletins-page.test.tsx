// @vitest-environment happy-dom
// The bulletin composer: a lesson goes in as spoken text; typed text with a
// web address, a date and a percent sign is flagged until rewritten; the
// length follows the speaking rate.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import './strings.ts';
import BulletinsPage, { fileNameOf } from './bulletins-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const INDEX = {
  version: 'v1',
  courses: [{ id: 'public-services', skill: 'public-services', order: 1, title: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' }, summary: { vi: '', en: '' }, version: 'v1', chunks: { vi: '/content/ps.vi.json', en: '/content/ps.en.json' }, lessons: [{ id: 'portal', title: { vi: 'Cổng Dịch vụ công quốc gia', en: 'Portal' }, minutes: 5, stepCount: 1, quizCount: 0 }] }],
};
const CHUNK = {
  courseId: 'public-services',
  lang: 'vi',
  version: 'v1',
  lessons: [{ id: 'portal', title: 'Cổng Dịch vụ công quốc gia', goal: '', minutes: 5, intro: '<p>Cổng có địa chỉ dichvucong.gov.vn. Sau bài là phần luyện tập.</p>', steps: [{ title: 'Đăng nhập', html: '<p>Từ 1/7/2024, đăng nhập bằng VNeID.</p><p><img src="/x.svg" alt="Ảnh điện thoại"></p>' }], remember: '<ul><li>Địa chỉ thật: dichvucong.gov.vn</li></ul>', quiz: [], sources: ['x'] }],
};

describe('loudspeaker bulletin composer', () => {
  it('turns a lesson into spoken text with no screen words, and times it at the chosen rate', async () => {
    vi.stubGlobal('fetch', async (url: string) => Response.json(url.includes('index') ? INDEX : CHUNK));
    const user = userEvent.setup();
    render(() => <BulletinsPage />);
    await screen.findByRole('option', { name: 'Dịch vụ công trực tuyến' });
    await user.selectOptions(screen.getByLabelText('Khóa học'), 'public-services');
    await user.click(screen.getByRole('button', { name: 'Đưa vào bản tin' }));
    const body = screen.getByLabelText('Nội dung đọc') as HTMLTextAreaElement;
    await waitFor(() => expect(body.value).toContain('ngày 1 tháng 7 năm 2024'));
    expect(body.value).toContain('dịch vụ công chấm gov chấm vn');
    expect(body.value).not.toContain('luyện tập');
    expect(body.value).not.toContain('Ảnh điện thoại');
    expect((screen.getByLabelText('Tiêu đề') as HTMLInputElement).value).toBe('Cổng Dịch vụ công quốc gia');
    expect(screen.getByText(/sẵn sàng để đọc/)).toBeTruthy();
    const at200 = screen.getByTestId('bulletin-length').textContent!;
    const rate = screen.getByLabelText('Tốc độ đọc (âm tiết mỗi phút)');
    await user.clear(rate);
    await user.type(rate, '120');
    expect(screen.getByTestId('bulletin-length').textContent).not.toBe(at200);
  });

  it('flags typed text that would read badly until it is rewritten as spoken', async () => {
    vi.stubGlobal('fetch', async () => Response.json(INDEX));
    const user = userEvent.setup();
    render(() => <BulletinsPage />);
    await user.type(screen.getByLabelText('Nội dung đọc'), 'Xem https://dichvucong.gov.vn từ 1/7/2024, đã có 62% hộ.');
    expect(screen.getByTestId('bulletin-problems').textContent).toContain('web address');
    await user.click(screen.getByRole('button', { name: 'Viết lại số, ngày, địa chỉ web như khi đọc' }));
    expect(screen.queryByTestId('bulletin-problems')).toBeNull();
    expect((screen.getByLabelText('Nội dung đọc') as HTMLTextAreaElement).value).toBe('Xem dịch vụ công chấm gov chấm vn, viết liền không dấu từ ngày 1 tháng 7 năm 2024, đã có 62 phần trăm hộ.');
  });

  it('names the text file after the headline, without accents', () => {
    expect(fileNameOf('Cổng Dịch vụ công: đăng nhập bằng VNeID')).toBe('cong-dich-vu-cong-dang-nhap-bang-vneid.txt');
    expect(fileNameOf('')).toBe('ban-tin.txt');
  });
});
