// "[chưa có địa chỉ bài]" is an author's note that a source's article is not on
// record yet: courses:check counts it, residents never read it.
import { describe, expect, it } from 'vitest';
import { compileLesson } from '../../shared/content/compile-lesson.ts';
import { parseLesson } from '../../shared/content/parse-lesson.ts';
import { lessonText } from './fixtures.ts';

function compiledSources(sourceLines: string) {
  const text = lessonText().replace(/sources:\n(?:  - .*\n)+/, `sources:\n${sourceLines}`);
  const parsed = parseLesson(text);
  expect(parsed.errors).toEqual([]);
  return compileLesson('first', parsed.lesson!, () => ({ error: 'no images here' })).compiled.sources;
}

describe('a lesson source as residents read it', () => {
  it('leaves out the author’s note that the article is not on record, in either language', () => {
    expect(compiledSources('  - "cafef.vn, 02/2024 [chưa có địa chỉ bài] (ứng dụng giả)"\n  - "cafef.vn, February 2024 [no article address yet]"\n')).toEqual([
      'cafef.vn, 02/2024 (ứng dụng giả)',
      'cafef.vn, February 2024',
    ]);
  });

  it('keeps what tells the reader something: the body’s own page, a historical source', () => {
    expect(compiledSources('  - "dichvucong.gov.vn [trang chính thức]"\n  - "stttt.quangbinh.gov.vn (tư liệu cũ)"\n')).toEqual(['dichvucong.gov.vn [trang chính thức]', 'stttt.quangbinh.gov.vn (tư liệu cũ)']);
  });
});
