// A published story on the radio: its title opens the bulletin, and markup,
// dates, legal numbers, web addresses, pictures and screen words come out as
// a host would read them (or not at all).
import { describe, expect, it } from 'vitest';
import { renderStoryMarkdown } from '../news/render.ts';
import { bulletinFromStory } from './bulletin-from-story.ts';
import { speechProblems } from './spoken.ts';

const MARKDOWN = [
  '## Hỗ trợ hộ kinh doanh 🎉',
  'Theo **Nghị định 42/2022/NĐ-CP**, từ 1/7/2024 hộ kinh doanh nộp hồ sơ trực tuyến trên [dichvucong.gov.vn](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html).',
  '- Đã có 62% hộ ở chợ nhận tiền qua mã QR.',
  '- Hỏi UBND phường khi cần.',
  'Xem hình bên để biết quầy hướng dẫn.',
].join('\n\n');

describe('a ward story as a loudspeaker bulletin', () => {
  const { html } = renderStoryMarkdown(MARKDOWN);
  const story = { title: 'Chợ không tiền mặt theo Nghị định 42/2022/NĐ-CP', summary: 'Chợ phường đi đầu thanh toán không dùng tiền mặt', html };
  const b = bulletinFromStory(story);
  // What the composer reads and exports: the headline, then the text.
  const spoken = `${b.title}.\n\n${b.text}`;

  it('opens with the story title, spoken', () => {
    expect(b.title).toBe('Chợ không tiền mặt theo Nghị định số 42 năm 2022 của Chính phủ');
    expect(b.text.split('\n\n')[0]).toBe('Chợ phường đi đầu thanh toán không dùng tiền mặt.');
  });

  it('says the date, the legal number, the percentage, the web address and the office as spoken', () => {
    expect(b.text).toContain('Theo Nghị định số 42 năm 2022 của Chính phủ, từ ngày 1 tháng 7 năm 2024');
    expect(b.text).toContain('trên dịch vụ công chấm gov chấm vn, viết liền không dấu.');
    expect(b.text).toContain('Đã có 62 phần trăm hộ ở chợ');
    expect(b.text).toContain('Hỏi Ủy ban nhân dân phường khi cần.');
    expect(b.text).toContain('Hỗ trợ hộ kinh doanh.');
  });

  it('leaves out markup, pictures, the link target and screen words, so the checker finds nothing', () => {
    expect(spoken).not.toMatch(/[<>*#[\]()]|https?:|\/p\/home|🎉/u);
    expect(spoken).not.toContain('hình bên');
    expect(speechProblems(spoken)).toEqual([]);
    // Markup before conversion is what the checker exists to catch.
    expect(speechProblems(`${story.title}\n${html}`)).not.toEqual([]);
  });
});
