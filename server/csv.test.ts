import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('csvField', () => {
  it('neutralises a text cell a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+2')).toBe(`"'+1+2"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves other cells as they are, numbers (negative ones too) as numbers', () => {
    expect(csvField('Tổ dân phố 1')).toBe('Tổ dân phố 1');
    expect(csvField('<5')).toBe('<5');
    expect(csvField('*')).toBe('*');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Nguyễn, Lan')).toBe('"Nguyễn, Lan"');
    expect(csvField('"Bông" Hồng')).toBe('"""Bông"" Hồng"');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
  });
});

describe('toCsv', () => {
  it('ends every line with CRLF and writes an empty row as an empty line', () => {
    expect(toCsv([['a', 1], [], ['=x', null, 'b,c']])).toBe(`a,1\r\n\r\n"'=x",,"b,c"\r\n`);
  });
});
