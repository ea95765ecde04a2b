// @vitest-environment happy-dom
// The bulletin composer: a lesson or a published story goes in as spoken
// text; the blank start is the chosen kind's template; typed text with a web
// address, a date and a percent sign is flagged until rewritten; the length
// follows the speaking rate.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import './strings.ts';
import BulletinsPage, { fileNameOf } from './bulletins-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
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

const story = (id: string, title: string, html: string) => ({ id, kind: 'support-policy', title, summary: '', html, unitName: null, publishedAt: '2026-12-01T02:00:00.000Z', updatedAt: '2026-12-01T02:00:00.000Z', path: `/tin/${id}`, photos: [] });
const NEWS = {
  wardName: 'Phường Hòa Bình',
  items: [
    story('s1', 'Lịch tiêm chủng tháng 12', '<p>Tiêm tại trạm y tế.</p>'),
    story('s2', 'Hộ kinh doanh nộp hồ sơ theo Nghị định 42/2022/NĐ-CP', '<h2>Từ 1/7/2024</h2><p>Nộp trên <a href="https://dichvucong.gov.vn">dichvucong.gov.vn</a>, <strong>hỏi UBND phường</strong>.</p><p>Xem hình bên.</p>'),
  ],
};

describe('loudspeaker bulletin composer', () => {
  it("offers only the courses taught in the locality it runs in, never another locality's local course", async () => {
    const local = (id: string, title: string, localities: string[]) => ({ ...INDEX.courses[0]!, id, order: 2, localities, title: { vi: title, en: title } });
    const index = { ...INDEX, courses: [...INDEX.courses, local('kien-an-channels', 'Kênh của phường Kiến An', ['kien-an']), local('le-chan-channels', 'Kênh của phường Lê Chân', ['le-chan'])] };
    vi.stubGlobal('fetch', async (url: string) => Response.json(url.includes('index') ? index : CHUNK));
    history.replaceState(null, '', '/l/kien-an/ward/bulletins');
    try {
      render(() => <BulletinsPage />);
      await screen.findByRole('option', { name: 'Kênh của phường Kiến An' });
      expect(screen.getByRole('option', { name: 'Dịch vụ công trực tuyến' })).toBeTruthy();
      expect(screen.queryByRole('option', { name: 'Kênh của phường Lê Chân' })).toBeNull();
    } finally {
      history.replaceState(null, '', '/');
    }
  });

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

  it('turns a chosen published story into spoken text under its title', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return Response.json(url.includes('/api/v1/news') ? NEWS : INDEX);
    });
    const user = userEvent.setup();
    render(() => <BulletinsPage />);
    // Nothing is asked of the news list until a story is the source.
    expect(asked.some((u) => u.includes('/api/v1/news'))).toBe(false);
    await user.click(screen.getByLabelText('Một tin phường đã đăng'));
    await screen.findByRole('option', { name: 'Hộ kinh doanh nộp hồ sơ theo Nghị định 42/2022/NĐ-CP' });
    await user.selectOptions(screen.getByLabelText('Tin phường'), 's2');
    await user.click(screen.getByRole('button', { name: 'Đưa vào bản tin' }));
    expect((screen.getByLabelText('Tiêu đề') as HTMLInputElement).value).toBe('Hộ kinh doanh nộp hồ sơ theo Nghị định số 42 năm 2022 của Chính phủ');
    const body = (screen.getByLabelText('Nội dung đọc') as HTMLTextAreaElement).value;
    expect(body).toBe('Từ ngày 1 tháng 7 năm 2024.\n\nNộp trên dịch vụ công chấm gov chấm vn, viết liền không dấu, hỏi Ủy ban nhân dân phường.');
    expect(screen.getByText(/sẵn sàng để đọc/)).toBeTruthy();
  });

  it('starts a blank bulletin from the chosen kind\'s opening and closing', async () => {
    vi.stubGlobal('fetch', async () => Response.json(INDEX));
    const user = userEvent.setup();
    render(() => <BulletinsPage />);
    await user.selectOptions(screen.getByLabelText('Loại'), 'column');
    await user.click(screen.getByLabelText('Mẫu trống'));
    expect(screen.getByTestId('bulletin-template').textContent).toContain('Mẫu chuyên mục');
    await user.click(screen.getByRole('button', { name: 'Đưa vào bản tin' }));
    const body = (screen.getByLabelText('Nội dung đọc') as HTMLTextAreaElement).value;
    expect(body.startsWith('Kính thưa bà con. Chào mừng bà con đến với chuyên mục hôm nay')).toBe(true);
    expect(body).toContain('(Nội dung chuyên mục)');
    expect(body.endsWith('hẹn gặp lại bà con trong chuyên mục lần sau.')).toBe(true);
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

  it('keeps the draft on this device: a reload brings it back, emptied it is forgotten', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    const user = userEvent.setup();
    const first = render(() => <BulletinsPage />);
    await user.selectOptions(screen.getByLabelText('Loại'), 'column');
    await user.type(screen.getByLabelText('Tiêu đề'), 'Lịch tiêm chủng');
    await user.type(screen.getByLabelText('Nội dung đọc'), 'Sáng thứ bảy tiêm tại trạm y tế.');
    expect(screen.getByTestId('bulletin-draft-kept').textContent).toContain('giữ trên máy này');
    first.unmount();
    render(() => <BulletinsPage />);
    expect(screen.getByLabelText('Tiêu đề')).toHaveProperty('value', 'Lịch tiêm chủng');
    expect(screen.getByLabelText('Nội dung đọc')).toHaveProperty('value', 'Sáng thứ bảy tiêm tại trạm y tế.');
    expect(screen.getByLabelText('Loại')).toHaveProperty('value', 'column');
    await user.clear(screen.getByLabelText('Tiêu đề'));
    await user.clear(screen.getByLabelText('Nội dung đọc'));
    expect(localStorage.getItem('hvs.bulletinDraft')).toBeNull();
  });

  it('says plainly, while offline, what still works and what needs the network', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(() => <BulletinsPage />);
    expect(screen.queryByTestId('studio-offline')).toBeNull();
    onLine.mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    const note = await screen.findByTestId('studio-offline');
    expect(note.textContent).toContain('Đang không có mạng.');
    expect(note.textContent).toContain('bản nháp được giữ trên máy');
    expect(note.textContent).toContain('ghi vào nhật ký tuyên truyền');
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByTestId('studio-offline')).toBeNull());
    onLine.mockRestore();
  });
});
