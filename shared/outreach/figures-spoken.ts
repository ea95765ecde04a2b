// The movement's live figures as radio sentences, from the dashboard's own
// numbers (small counts already suppressed on the server): a group whose
// figure is hidden or unknown is left out, never guessed.
import type { CoverageRow, Headline } from '../stats/api.ts';
import { toSpoken } from './spoken.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function figureSentences(wardName: string, headline: Pick<Headline, 'learners'>, coverage: readonly CoverageRow[], asOf: string): string {
  const [y, m, d] = asOf.split('-');
  const lines = [`Tính đến ngày ${Number(d)}/${Number(m)}/${y}, ${wardName} đã có ${headline.learners.toLocaleString('vi-VN')} người dân học kỹ năng số cùng ứng dụng Học vụ số.`];
  for (const row of coverage) {
    if (!row.name) continue;
    if (row.householdShare !== null && row.householdShare > 0) {
      lines.push(`Ở ${row.name}, ${percent(row.householdShare)} hộ gia đình đã có người hoàn thành cả năm kỹ năng số cơ bản.`);
    } else if (row.completedShare !== null && row.completedShare > 0) {
      lines.push(`Ở ${row.name}, ${percent(row.completedShare)} người dân đã học xong ít nhất một khóa học.`);
    }
  }
  lines.push('Mong bà con tiếp tục cùng học, và giúp người thân trong gia đình cùng học.');
  return toSpoken(lines.join('\n'));
}
