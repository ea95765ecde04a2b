import { describe, expect, it } from 'vitest';
import { labelLines } from './chart-label.ts';

describe('chart row labels', () => {
  it('keeps a short name on one line', () => {
    expect(labelLines('Tổ dân phố 1')).toEqual({ lines: ['Tổ dân phố 1'], cut: false });
  });

  it('wraps a long name between words, whole', () => {
    const name = 'Làm quen với điện thoại thông minh cho người cao tuổi';
    const { lines, cut } = labelLines(name);
    expect(cut).toBe(false);
    expect(lines.join(' ')).toBe(name);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('cuts only what two lines cannot hold, and says so', () => {
    const { lines, cut } = labelLines('Tổ dân phố 3 (Đồng Hòa, khu tập thể nhà máy cơ khí và chợ Kiến An cũ)');
    expect(cut).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });
});
