import { describe, it, expect } from 'vitest';
import { citationsOf, examineSource, isDefunctHost } from './source-citations.ts';

const kinds = (s: string) => examineSource(s).map((f) => `${f.kind} ${f.host}`);

describe('source citations', () => {
  it('split an entry at ";" but not inside parentheses', () => {
    expect(citationsOf('Luật 19/2023/QH15 (a; b); tapchicongthuong.vn; x.vn (c)')).toEqual(['Luật 19/2023/QH15 (a; b)', 'tapchicongthuong.vn', 'x.vn (c)']);
  });

  it('refuse a citation that is only a domain, with or without a date or https://', () => {
    expect(kinds('cafef.vn, 02/2024 (ứng dụng giả đọc tin nhắn OTP)')).toEqual(['bare-domain cafef.vn']);
    expect(kinds('Nghị định 69/2024/NĐ-CP; vietnamplus.vn')).toEqual(['bare-domain vietnamplus.vn']);
    expect(kinds('https://sbv.gov.vn/')).toEqual(['bare-domain sbv.gov.vn']);
    expect(kinds('dantri.com.vn, January 2025')).toEqual(['bare-domain dantri.com.vn']);
  });

  it('accept an article address, a page path, a document, or a domain mentioned inside a description', () => {
    expect(kinds('https://vnexpress.net/vneid-co-the-thay-the-nhung-giay-to-nao-4924821.html (Ví giấy tờ)')).toEqual([]);
    expect(kinds('support.google.com/android, trang “Back up or restore data”')).toEqual([]);
    expect(kinds('Nghị định 69/2024/NĐ-CP (hiệu lực 1/7/2024)')).toEqual([]);
    expect(kinds('Người dân vào binhdanhocvuso.gov.vn để học: https://www.vietnam.vn/en/a-b')).toEqual([]);
  });

  it('count a domain marked as having no article on record, or as the body’s own page, in either language', () => {
    expect(kinds('cafef.vn, 02/2024 [chưa có địa chỉ bài] (ứng dụng giả)')).toEqual(['marked-domain cafef.vn']);
    expect(kinds('cafef.vn, February 2024 [no article address yet] (fake apps)')).toEqual(['marked-domain cafef.vn']);
    expect(kinds('https://thongbaorac.ais.gov.vn/ [trang chính thức] (báo tin nhắn lừa đảo về 5656)')).toEqual(['official-page thongbaorac.ais.gov.vn']);
    expect(kinds('https://dichvucong.gov.vn [official page] (the National Public Service Portal)')).toEqual(['official-page dichvucong.gov.vn']);
  });

  it('require a citation of a body that no longer exists to say it is historical', () => {
    expect(isDefunctHost('stttt.quangbinh.gov.vn')).toBe(true);
    expect(isDefunctHost('motcua.tiengiang.gov.vn')).toBe(true);
    expect(isDefunctHost('cspl.mic.gov.vn')).toBe(true);
    expect(isDefunctHost('mic.gov.vn')).toBe(true);
    expect(isDefunctHost('sbv.gov.vn')).toBe(false);
    expect(isDefunctHost('quangngai.gov.vn')).toBe(false);
    expect(kinds('https://cspl.mic.gov.vn/Pages/TinTuc/138352/Quy-che.html')).toEqual(['defunct-unflagged cspl.mic.gov.vn']);
    expect(kinds('https://cspl.mic.gov.vn/Pages/TinTuc/138352/Quy-che.html (tư liệu cũ: trang của Bộ Thông tin và Truyền thông)')).toEqual([]);
    expect(kinds('stttt.quangbinh.gov.vn [no article address yet] (historical: the department no longer exists)')).toEqual(['marked-domain stttt.quangbinh.gov.vn']);
    expect(kinds('stttt.quangbinh.gov.vn [chưa có địa chỉ bài]')).toEqual(['defunct-unflagged stttt.quangbinh.gov.vn', 'marked-domain stttt.quangbinh.gov.vn']);
  });
});
