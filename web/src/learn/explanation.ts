/**
 * Lesson authors often open an option's explanation with a verdict ("Sai.",
 * "Chưa đúng.", "Correct."). The quiz already says right or wrong in its own
 * words, so that opening word is dropped where the two would stand together.
 */
const LEADING_VERDICT =
  /^(\s*<p>)?\s*(chưa đúng|chưa chính xác|sai|đúng rồi|đúng|chính xác|not quite|not right|wrong|incorrect|correct|right|that's right)\s*[.!]\s*/iu;

export function withoutVerdict(html: string): string {
  return html.replace(LEADING_VERDICT, (_, p: string | undefined) => p ?? '');
}
