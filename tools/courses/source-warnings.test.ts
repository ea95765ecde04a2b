import { describe, it, expect } from 'vitest';
import { namesSomethingToLookUp, sourceWarnings } from './source-warnings.ts';

describe('source warnings', () => {
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

  it('point at the line of the weak source in the file', () => {
    const text = '---\ntitle: "T"\nsources:\n  - "Nghị định 69/2024/NĐ-CP"\n  - "vietnamplus.vn"\n---\n';
    expect(sourceWarnings('courses/a/01-b.vi.md', text, ['Nghị định 69/2024/NĐ-CP', 'vietnamplus.vn'])).toEqual([
      {
        file: 'courses/a/01-b.vi.md',
        line: 5,
        message: 'warning: source #2 "vietnamplus.vn" names no article address or document number: cite the article (https://…)',
      },
    ]);
  });
});
