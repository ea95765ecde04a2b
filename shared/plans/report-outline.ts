// The body of the report on a plan, as words: headings, paragraphs and
// administrative tables made from the report's figures and the officer's
// parts. The Word file (server) and the print page (web) both lay out this
// one outline, so they say the same sentences with the same numbers.
// Vietnamese only: it is the ward's own document. Types only, no zod.
import type { PlanReportData, PlanReportText, ReportDifficulty } from './report.ts';
import type { ReachMeasure } from './constants.ts';
import { BASIC_SKILLS_RULE_WORDS, indicatorOf } from '../indicators/definitions.ts';
import type { IndicatorCell, Target } from '../indicators/api.ts';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; italic?: boolean }
  /** Dotted lines to write on by hand. */
  | { kind: 'blank' }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[]; textColumns: number; testId: string };

const n = (x: number) => x.toLocaleString('vi-VN');
/** "04/12/2026" from "2026-12-04". */
export const viDay = (iso: string) => iso.split('-').reverse().join('/');

/** How each reach figure reads after its number. */
export const REACH_WORDS: Record<ReachMeasure, string> = {
  participants: 'lượt người tham dự',
  views: 'lượt xem',
  minutesAired: 'phút phát sóng',
  copies: 'sản phẩm',
  screenHours: 'giờ trình chiếu',
};

/** The report's figures; the activity rows are the annex's, not the document's. */
type ReportFigures = Omit<PlanReportData, 'activities'>;

export function reachWords(reach: Record<ReachMeasure, number>): string[] {
  return (Object.keys(REACH_WORDS) as ReachMeasure[]).filter((m) => reach[m] > 0).map((m) => `${n(reach[m])} ${REACH_WORDS[m]}`);
}

/** One form's line: "2.4. Đài truyền thanh: 24 hoạt động (Tin: 20; Bài: 4); 180 phút phát sóng." */
export function formLine(f: PlanReportData['forms'][number]): string {
  const parts = [`${n(f.activities)} hoạt động`];
  if (f.subForms.length) parts[0] += ` (${f.subForms.map((s) => `${s.title}: ${n(s.activities)}`).join('; ')})`;
  parts.push(...reachWords(f.reach));
  if (f.guideSessions !== null) parts.push(`${n(f.guideSessions)} buổi hướng dẫn của Tổ công nghệ số cộng đồng`);
  return `- ${f.code}. ${f.title}: ${parts.join('; ')}.`;
}

const STATUS: Record<ReportDifficulty['status'], string> = { open: 'chưa xử lý', handling: 'đang xử lý', resolved: 'đã xử lý' };
/** A unit's own sentence set inside the report's: without its closing stop (the line ends with one of its own). */
const clause = (text: string) => text.trim().replace(/[\s.;]+$/, '');

const paras = (text: string): Block[] => text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => ({ kind: 'para', text: p }));
/** The officer's part, else the sentences proposed from the figures, else lines to write on. */
const partOr = (text: string, proposed: string[] = []): Block[] => {
  const own = paras(text);
  if (own.length) return own;
  if (proposed.length) return proposed.map((p) => ({ kind: 'para', text: p }));
  return [{ kind: 'blank' }];
};

export function planReportSubject(d: ReportFigures): string[] {
  return [`Kết quả thực hiện Kế hoạch số ${d.plan.numberSymbol}${d.plan.issuedOn ? ` ngày ${viDay(d.plan.issuedOn)}` : ''}`, `${d.period.words}`];
}

export function planReportOutline(d: ReportFigures, text: PlanReportText): Block[] {
  // "Phường Kiến An" reads "phường Kiến An" inside a sentence.
  const ward = d.wardName.replace(/^(Phường|Xã|Thị trấn|Đặc khu)(?= )/, (w) => w.toLocaleLowerCase('vi')) || 'phường';
  const out: Block[] = [];
  out.push({ kind: 'para', italic: true, text: `Thực hiện Kế hoạch số ${d.plan.numberSymbol}${d.plan.issuedOn ? ` ngày ${viDay(d.plan.issuedOn)}` : ''} của ${d.plan.issuingBody} về ${d.plan.title};` });
  out.push({ kind: 'para', text: `Ủy ban nhân dân ${ward} báo cáo kết quả thực hiện ${d.period.words} (từ ngày ${viDay(d.period.from)} đến ngày ${viDay(d.period.to)}) như sau:` });

  out.push({ kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' });
  out.push({ kind: 'heading', text: '1. Công tác chỉ đạo, triển khai' });
  if (d.plan.issuedOn) out.push({ kind: 'para', text: `- Kế hoạch số ${d.plan.numberSymbol} ngày ${viDay(d.plan.issuedOn)} của ${d.plan.issuingBody} về ${d.plan.title}.` });
  for (const a of d.directives) out.push({ kind: 'para', text: `- ${a.title} (${a.unit}, ngày ${viDay(a.startsOn)}${a.place ? `, ${a.place}` : ''}).` });
  if (!d.plan.issuedOn && d.directives.length === 0) out.push({ kind: 'blank' });

  out.push({ kind: 'heading', text: '2. Kết quả tuyên truyền theo nội dung' });
  for (const c of d.contentItems) {
    const what = c.activities ? `${n(c.activities)} hoạt động${c.examples.length ? `, như: ${c.examples.map((e) => `“${e}”`).join('; ')}` : ''}` : 'chưa có hoạt động';
    out.push({ kind: 'para', text: `- ${c.code}. ${c.title}: ${what}.` });
  }

  out.push({ kind: 'heading', text: '3. Kết quả theo hình thức tuyên truyền' });
  for (const f of d.forms) out.push({ kind: 'para', text: formLine(f) });
  const reach = reachWords(d.totals.reach);
  out.push({ kind: 'para', text: `Tổng cộng: ${n(d.totals.activities)} hoạt động${reach.length ? `; ${reach.join('; ')}` : ''}. Danh sách từng hoạt động tại Phụ lục kèm theo.` });

  out.push({ kind: 'heading', text: '4. Phong trào “Bình dân học vụ số”' });
  const m = d.movement;
  out.push({
    kind: 'para',
    text: `${m.guideSessions !== null ? `Tổ chức ${n(m.guideSessions)} buổi hướng dẫn; ` : ''}${n(m.newLearners)} người học mới trong kỳ, ${n(m.learners)} người học lũy kế đến cuối kỳ; ${n(m.coursesCompleted)} lượt hoàn thành khóa học; ${n(m.certificates)} chứng nhận đã cấp.`,
  });

  let section = 5;
  if (d.indicators) out.push(...indicatorBlocks(d.indicators, section++));

  out.push({ kind: 'heading', text: `${section}. Kết quả của từng đơn vị` });
  out.push({
    kind: 'table',
    testId: 'plan-report-units',
    header: ['STT', 'Đơn vị', ...d.forms.map((f) => f.code), 'Tổng số', 'Hoạt động gần nhất'],
    rows: d.units.map((u, i) => [String(i + 1), u.shortName, ...d.forms.map((f) => n(u.perForm[f.code] ?? 0)), n(u.total), u.lastActivityOn ? viDay(u.lastActivityOn) : '—']),
    widths: unitWidths(d.forms.length),
    textColumns: 2,
  });

  out.push({ kind: 'heading', text: 'II. ĐÁNH GIÁ CHUNG' });
  out.push({ kind: 'heading', text: '1. Ưu điểm' });
  out.push(...partOr(text.strengths, d.proposed.strengths));
  out.push({ kind: 'heading', text: '2. Tồn tại, hạn chế' });
  out.push(...partOr(text.shortcomings, d.proposed.shortcomings));

  out.push({ kind: 'heading', text: 'III. KHÓ KHĂN, VƯỚNG MẮC' });
  if (d.difficulties === null) out.push({ kind: 'blank' });
  else if (d.difficulties.length === 0) out.push({ kind: 'para', text: 'Trong kỳ, các đơn vị không báo cáo khó khăn, vướng mắc.' });
  else
    for (const x of d.difficulties)
      out.push({ kind: 'para', text: `- ${x.unit} (ngày ${viDay(x.reportedOn)}): ${clause(x.summary)} — ${STATUS[x.status]}${x.handling ? `: ${clause(x.handling)}` : ''}${x.resolvedOn ? ` (ngày ${viDay(x.resolvedOn)})` : ''}.` });

  out.push({ kind: 'heading', text: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ ĐỀ XUẤT, KIẾN NGHỊ' });
  out.push({ kind: 'heading', text: '1. Phương hướng, nhiệm vụ thời gian tới' });
  out.push(...partOr(text.directions));
  out.push({ kind: 'heading', text: '2. Đề xuất, kiến nghị' });
  out.push(...partOr(text.proposals));
  out.push({ kind: 'para', text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${d.plan.numberSymbol} ${d.period.words}, Ủy ban nhân dân ${ward} trân trọng báo cáo./.` });
  return out;
}

/** A target as the table reads it: "80%" or "1.200". */
export const targetWords = (t: Target | null) => (t === null ? '—' : t.unit === 'percent' ? `${t.value.toLocaleString('vi-VN')}%` : n(t.value));
/** A share (0–1) as a percentage with one decimal: "62,5%". */
export const shareWords = (share: number | null) => (share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
export const countWords = (c: IndicatorCell['actual']) => (typeof c === 'number' ? n(c) : c);
export const metWords = (met: boolean | null) => (met === null ? '—' : met ? 'Đạt' : 'Chưa đạt');

/** Part I: the ward's indicators against the plan's targets, with the ward's definition of basic skills. */
function indicatorBlocks(ind: NonNullable<ReportFigures['indicators']>, section: number): Block[] {
  const rule = BASIC_SKILLS_RULE_WORDS[ind.basicSkillsRule].vi;
  return [
    { kind: 'heading', text: `${section}. Các chỉ tiêu của phong trào` },
    { kind: 'para', text: `Người có kỹ năng số cơ bản được tính theo định nghĩa của phường: ${rule.charAt(0).toLocaleLowerCase('vi')}${rule.slice(1)}` },
    {
      kind: 'table',
      testId: 'plan-report-indicators',
      header: ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ', 'Đánh giá'],
      rows: ind.rows.map((r, i) => [String(i + 1), indicatorOf(r.id).label.vi, targetWords(r.target), countWords(r.actual), shareWords(r.share), metWords(r.met)]),
      widths: [7, 41, 13, 13, 12, 14],
      textColumns: 2,
    },
  ];
}

/** STT and unit, one narrow column per form, total and last day: shares of 100. */
function unitWidths(forms: number): number[] {
  const each = Math.max(5, Math.floor(50 / Math.max(1, forms)));
  const rest = 100 - 7 - each * forms - 10;
  return [7, Math.max(12, rest - 16), ...Array<number>(forms).fill(each), 10, 16];
}

export const lines = (s: string) => s.split(/\n+/).map((l) => l.trim()).filter(Boolean);
