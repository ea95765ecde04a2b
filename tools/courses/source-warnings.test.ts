import { describe, it, expect } from 'vitest';
import { checkSources, namesSomethingToLookUp, sourceWarnings } from './source-warnings.ts';

const front = (...sources: string[]) => `---\ntitle: "T"\nsources:\n${sources.map((s) => `  - "${s}"\n`).join('')}---\n`;

describe('source checks', () => {
  it('accept an article address or a legal document number, not a bare domain', () => {
    expect(namesSomethingToLookUp('https://vnexpress.net/vneid-co-the-thay-the-nhung-giay-to-nao-4924821.html')).toBe(true);
    expect(namesSomethingToLookUp('Nghị định 69/2024/NĐ-CP')).toBe(true);
    expect(namesSomethingToLookUp('Công văn 3240/BTTTT-CĐSQG')).toBe(true);
    expect(namesSomethingToLookUp('Nghị quyết 57-NQ/TW')).toBe(true);
    expect(namesSomethingToLookUp('Luật 19/2023/QH15')).toBe(true);
    expect(namesSomethingToLookUp('vietnamplus.vn')).toBe(false);
    expect(namesSomethingToLookUp('dantri.com.vn, 01/2025')).toBe(false);
    expect(namesSomethingToLookUp('https://sbv.gov.vn/')).toBe(false);
  });

  it('refuse a bare domain on the line of that source, even beside a document number', () => {
    const sources = ['Nghị định 69/2024/NĐ-CP', 'Luật 20/2023/QH15; tapchicongthuong.vn'];
    const { errors, warnings } = checkSources('courses/a/01-b.vi.md', front(...sources), sources);
    expect(errors).toEqual([
      {
        file: 'courses/a/01-b.vi.md',
        line: 5,
        message: 'source #2: "tapchicongthuong.vn" is only a domain: cite the article (https://…), or if no article is on record, write "[chưa có địa chỉ bài]" / "[no article address yet]" after it',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('count a marked domain without a warning, and still warn about a source that names nothing to look up', () => {
    const sources = ['cafef.vn, 02/2024 [chưa có địa chỉ bài] (ứng dụng giả)', 'Hỏi cơ quan thuế quản lý hộ'];
    const { errors, warnings, markedDomains } = checkSources('courses/a/01-b.vi.md', front(...sources), sources);
    expect(errors).toEqual([]);
    expect(markedDomains).toEqual([{ file: 'courses/a/01-b.vi.md', source: 1, host: 'cafef.vn' }]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [5, 'warning: source #2 "Hỏi cơ quan thuế quản lý hộ" names no article address or document number: cite the article (https://…)'],
    ]);
    expect(sourceWarnings('courses/a/01-b.vi.md', front(...sources), sources)).toEqual(warnings);
  });
});
