// Radio text reads as written: dates, legal numbers, hotlines, percentages
// and web addresses are spelled as spoken; the checker finds what is left.
import { describe, expect, it } from 'vitest';
import { readingSeconds, speechProblems, syllables, toSpoken } from './spoken.ts';

describe('radio text', () => {
  it('writes dates, legal numbers, hotlines and percentages as they are spoken', () => {
    expect(toSpoken('Từ 1/7/2024, đăng nhập bằng VNeID.')).toBe('Từ ngày 1 tháng 7 năm 2024, đăng nhập bằng VNeID.');
    expect(toSpoken('Theo Nghị định 42/2022/NĐ-CP và Luật 91/2025/QH15.')).toBe('Theo Nghị định số 42 năm 2022 của Chính phủ và Luật số 91 năm 2025 của Quốc hội.');
    expect(toSpoken('Đề án 06/QĐ-TTg ngày 6/1/2022.')).toBe('Đề án số 6 của Thủ tướng Chính phủ ngày 6 tháng 1 năm 2022.');
    expect(toSpoken('Nhắn tin đến 5656, gọi 156.')).toBe('Nhắn tin đến năm sáu năm sáu, gọi một năm sáu.');
    expect(toSpoken('Đã có 62% hộ, năm 2024.')).toBe('Đã có 62 phần trăm hộ, năm 2024.');
    expect(toSpoken('Giai đoạn 2022–2025, hỏi UBND phường.')).toBe('Giai đoạn 2022 đến 2025, hỏi Ủy ban nhân dân phường.');
    expect(toSpoken('Đường dây hoạt động 24/7.')).toBe('Đường dây hoạt động suốt 24 giờ, cả 7 ngày trong tuần.');
    expect(toSpoken('Buổi học lúc 8:30, ngày 15/6.')).toBe('Buổi học lúc 8 giờ 30, ngày 15 tháng 6.');
  });

  it('says web addresses as a host would, never with a scheme or a path', () => {
    expect(toSpoken('Mở https://dichvucong.gov.vn/p/home.')).toBe('Mở dịch vụ công chấm gov chấm vn, viết liền không dấu.');
    expect(toSpoken('Kiểm tra trên tinnhiemmang.vn.')).toBe('Kiểm tra trên tín nhiệm mạng chấm vn, viết liền không dấu.');
    expect(toSpoken('Xem vneid.gov.vn')).toBe('Xem vneid chấm gov chấm vn');
  });

  it('is idempotent, and the checker finds what would read badly', () => {
    const once = toSpoken('Từ 1/7/2024, xem dichvucong.gov.vn, 62% hộ.');
    expect(toSpoken(once)).toBe(once);
    expect(speechProblems(once)).toEqual([]);
    expect(speechProblems('Vào https://x.vn/a ngay')).not.toEqual([]);
    expect(speechProblems('Chạm nút bên dưới để tiếp tục.')).toEqual(['screen words: “Chạm nút bên dưới để tiếp tục.”']);
    expect(speechProblems('Còn 3/5 bước, đạt 40%')).toHaveLength(2);
  });

  it('estimates reading time from syllables', () => {
    expect(syllables('Kính thưa bà con, hôm nay')).toBe(6);
    expect(readingSeconds('một '.repeat(200), 200)).toBe(60);
    expect(readingSeconds('một '.repeat(100), 150)).toBe(40);
  });
});
