// The ward's participation report as a Word file: the same figures as the
// printed page (one Dashboard read), the officer's saved text, in the
// Decree 30 layout of server/documents/. Vietnamese only: it is the office's
// own document.
import type { Paragraph, Table } from 'docx';
import type { Count, Dashboard } from '../../shared/stats/api.ts';
import type { NarrativeText } from '../../shared/stats/narrative.ts';
import { LABELS } from '../../shared/labels.ts';
import { bodyParagraph, decree30Docx, heading } from '../documents/decree30.ts';
import { gridTable } from '../documents/grid-table.ts';
import { countedLabel, FIGURE_KIND_WORDS, figureKindRows, headlineLabel } from '../../shared/stats/figure-kind-words.ts';

const num = (n: Count | null) => (n === null ? '—' : typeof n === 'string' ? n : n.toLocaleString('vi-VN'));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
const day = (iso: string) => iso.split('-').reverse().map((p, i) => (i < 2 ? String(Number(p)) : p)).join('/');

export const REPORT_HEADLINE: Array<[Exclude<keyof Dashboard['headline'], 'lessonsCounted' | 'outcomesCounted'>, string]> = [
  ['learners', 'Người học (lũy kế đến cuối kỳ)'],
  ['newLearners', 'Người học mới trong kỳ'],
  ['active7', 'Người học hoạt động trong 7 ngày cuối kỳ'],
  ['active30', 'Người học hoạt động trong 30 ngày cuối kỳ'],
  ['selfLearners', 'Người tự học trên điện thoại'],
  ['assistedLearners', 'Người được tổ công nghệ số hỗ trợ'],
  ['lessonsCompleted', 'Lượt hoàn thành bài học'],
  ['coursesCompleted', 'Lượt hoàn thành khóa học'],
  ['certificates', 'Chứng nhận đã cấp'],
  ['outcomesConfirmed', 'Kết quả thực hành được xác nhận'],
  ['sessionsHeld', 'Buổi hướng dẫn đã tổ chức'],
];

function placeDate(ward: string, at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3_600_000);
  const m = vn.getUTCMonth() + 1;
  const place = ward.replace(/^\s*(phường|xã|thị trấn)\s+/i, '').replace(/\s*\(.*\)\s*$/, '');
  return `${place}, ngày ${String(vn.getUTCDate()).padStart(2, '0')} tháng ${m <= 2 ? `0${m}` : m} năm ${vn.getUTCFullYear()}`;
}

function narrativePart(title: string, text: string): Paragraph[] {
  const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return [heading(title), ...(paras.length ? paras.map(bodyParagraph) : [bodyParagraph('.'.repeat(100))])];
}

function figures(d: Dashboard): Array<Paragraph | Table> {
  const L = LABELS.vi;
  return [
    heading('1. Các chỉ tiêu chính'),
    gridTable(['STT', 'Chỉ tiêu', 'Số liệu'], REPORT_HEADLINE.map(([k, label], i) => [String(i + 1), headlineLabel('vi', k, label, d.headline), num(d.headline[k])]), [10, 70, 20], 2),
    heading(countedLabel('vi', '2. Phổ cập theo tổ dân phố', d.coverageCounted)),
    gridTable(
      ['STT', 'Tổ dân phố', 'Dân số trưởng thành', 'Đã học', 'Hoàn thành ≥1 khóa', 'Hoàn thành mới trong tháng'],
      d.coverage.map((r, i) => [String(i + 1), r.name ?? 'Chưa khai báo tổ', num(r.adultPopulation), `${num(r.reached)} (${pct(r.reachedShare)})`, `${num(r.completed)} (${pct(r.completedShare)})`, num(r.completedThisMonth)]),
      [8, 27, 15, 17, 17, 16],
      2,
    ),
    heading('3. Theo khóa học'),
    gridTable(
      ['STT', 'Khóa học', 'Người bắt đầu', 'Người hoàn thành', 'Tỷ lệ hoàn thành'],
      d.courses.map((c, i) => [String(i + 1), c.title?.vi ?? c.courseId, num(c.starts), num(c.completions), pct(c.completionRate)]),
      [8, 44, 16, 16, 16],
      2,
    ),
    heading('4. Người đã học theo độ tuổi và giới tính'),
    gridTable(
      ['Độ tuổi', L.gender.female, L.gender.male, L.gender.other, L.gender.unknown, L.gender.total],
      d.demographics.map((r) => [L.ageBand[r.band], num(r.reached.female), num(r.reached.male), num(r.reached.other), num(r.reached.unknown), num(r.reached.total)]),
      [20, 16, 16, 16, 16, 16],
    ),
    heading('5. Theo tuần'),
    gridTable(['Tuần từ', 'Lượt hoàn thành bài', 'Lượt hoàn thành khóa', 'Người học mới'], d.trend.map((w) => [day(w.week), num(w.lessonCompletions), num(w.courseCompletions), num(w.newLearners)]), [25, 25, 25, 25]),
    heading(`6. ${FIGURE_KIND_WORDS.vi.title}`),
    gridTable(['STT', 'Chỉ tiêu', 'Số liệu', 'Định nghĩa'], figureKindRows('vi', d.kinds).map(([name, value, definition], i) => [String(i + 1), name, num(value), definition]), [8, 30, 14, 48], 2),
  ];
}

export function reportDocx(d: Dashboard, text: NarrativeText): Promise<Buffer> {
  const ward = d.meta.wardName;
  const body: Array<Paragraph | Table> = [
    ...narrativePart('I. TÌNH HÌNH CHUNG', text.situation),
    ...narrativePart('II. KẾT QUẢ THỰC HIỆN', text.results),
    ...figures(d),
    ...narrativePart('III. TỒN TẠI, HẠN CHẾ', text.shortcomings),
    ...narrativePart('IV. ĐỀ XUẤT, KIẾN NGHỊ', text.proposals),
    bodyParagraph(`Trên đây là báo cáo kết quả phong trào “Bình dân học vụ số” trên địa bàn ${ward}./.`),
    heading('Ghi chú:'),
    bodyParagraph('“<5” nghĩa là ít hơn 5 người: không hiện số để không ai bị nhận ra.'),
    bodyParagraph('“*” là số được ẩn thêm, để không ai lấy tổng trừ đi các ô còn lại mà suy ra số bị ẩn.'),
  ];
  return decree30Docx(
    {
      superior: `UBND ${ward.toLocaleUpperCase('vi')}`,
      issuer: 'PHÒNG VĂN HÓA - XÃ HỘI',
      number: 'Số: ....../BC-VHXH',
      placeDate: placeDate(ward, new Date(d.meta.generatedAt)),
      title: 'BÁO CÁO',
      subject: ['Kết quả phong trào “Bình dân học vụ số”', `Kỳ báo cáo: từ ngày ${day(d.range.from)} đến ngày ${day(d.range.to)}`],
      recipients: ['- UBND phường;', '- Lưu: VT, VH-XH.'],
      signer: ['TRƯỞNG PHÒNG'],
      signHint: '(Ký, ghi rõ họ tên)',
    },
    body,
  );
}
