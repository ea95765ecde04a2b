import { describe, expect, it } from 'vitest';
import { channelHref } from './channel-link.ts';

describe('where a ward channel opens', () => {
  it('a hotline rings the number the office typed, spaces and dots dropped', () => {
    expect(channelHref({ kind: 'hotline', label: 'Đường dây nóng', url: '0225 3.123 456' })).toBe('tel:02253123456');
    expect(channelHref({ kind: 'hotline', label: 'Hotline', url: 'tel:+84 225 3123456' })).toBe('tel:+842253123456');
  });

  it('a web address opens as typed; one typed without https:// gets it', () => {
    expect(channelHref({ kind: 'portal', label: 'Cổng', url: 'https://kienan.haiphong.gov.vn/' })).toBe('https://kienan.haiphong.gov.vn/');
    expect(channelHref({ kind: 'social', label: 'Zalo OA', url: 'zalo.me/1234567' })).toBe('https://zalo.me/1234567');
  });

  it('never makes a link of a script address, free text or an empty address', () => {
    for (const url of ['javascript:alert(1)', 'Hỏi tại trụ sở UBND', '', undefined]) {
      expect(channelHref({ kind: 'other', label: 'x', url })).toBeNull();
    }
  });
});
