import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data.ts';

describe('personal data in what a learner types', () => {
  it.each([
    ['Số căn cước của tôi là 0010 9900 1234', 'idNumber'],
    ['gọi cho tôi: 0912 345 678', 'phone'],
    ['+84 912 345 678', 'phone'],
    ['mã của tôi 482913', 'otp'],
    ['OTP 4821', 'password'],
    ['mật khẩu là hoa1234', 'password'],
    ['My password: sunflower7', 'password'],
  ])('finds %s', (text, kind) => {
    expect(findPersonalData(text)).toBe(kind);
  });

  it('finds health details only where asked to', () => {
    expect(findPersonalData('Mẹ tôi bị tiểu đường, uống thuốc gì?', { health: true })).toBe('health');
    expect(findPersonalData('Đây là đơn thuốc của bà', { health: true })).toBe('health');
    expect(findPersonalData('Mẹ tôi bị tiểu đường')).toBeNull();
  });

  it('lets through ordinary questions, years, amounts and the dummy values the screen shows', () => {
    for (const text of ['Làm giấy khai sinh thế nào?', 'năm 2025 có gì mới', 'giá 150.000 đ', 'mật khẩu là gì?', 'Tôi muốn hỏi về thuốc ho']) {
      expect(findPersonalData(text, { health: true }), text).toBeNull();
    }
    expect(findPersonalData('S 0000000000 Tai khoan', { allow: ['0000000000'] })).toBeNull();
    expect(findPersonalData('S 0000000000 goi 0912345678', { allow: ['0000000000'] })).toBe('phone');
  });
});
