// The city's consolidated report as words: the Decree 30 head and foot, a
// paragraph on the city as a whole, and one administrative table of every
// locality with the city's totals, all made from one CityOverview (the same
// figures as GET /api/v1/city/overview, "<5" and "*" as it sends them). The
// Word file and the printable page both lay out this one outline, so they
// say the same sentences with the same numbers. Vietnamese only: it is the
// city's own document.
import type { CityOverview, LocalityFigures } from './api.ts';
import type { LocalityKind } from '../localities/locality.ts';
import type { Count } from '../stats/api.ts';
import type { DocumentHead } from '../documents/document-head.ts';
import { shareWords, type Block } from '../plans/report-outline.ts';

export type { Block };

/** The Decree 30 head, the issuer given as its lines and the signing hint always written. */
export type CityReportHead = DocumentHead & { issuer: string[]; signHint: string };

export interface CityReport {
  head: CityReportHead;
  blocks: Block[];
}

const n = (x: number) => x.toLocaleString('vi-VN');
/** A count as the overview sends it: a number, "<5" or "*". */
export const countWords = (c: Count) => (typeof c === 'number' ? n(c) : c);
/** "1/12/2026" from "2026-12-01", as the ward's report writes its period. */
const day = (iso: string) => iso.split('-').reverse().map((p, i) => (i < 2 ? String(Number(p)) : p)).join('/');

export const KIND_WORDS: Record<LocalityKind, { one: string; many: string }> = {
  ward: { one: 'Phường', many: 'phường' },
  commune: { one: 'Xã', many: 'xã' },
  'special-zone': { one: 'Đặc khu', many: 'đặc khu' },
};

export const TABLE_HEADER = ['STT', 'Địa phương', 'Loại', 'Người học (lũy kế đến cuối kỳ)', 'Người học mới trong kỳ', 'Tỷ lệ phổ cập', 'Tỷ lệ tăng trưởng', 'Hạng theo phổ cập', 'Hạng theo tăng trưởng'];
const TABLE_WIDTHS = [7, 20, 11, 12, 11, 9, 10, 10, 10];
export const TOTAL_LABEL = 'Toàn thành phố';

/** "Thành phố Hải Phòng" → "Hải Phòng": the place name of the date line. */
export const placeName = (city: string) => city.replace(/^\s*(thành phố|tỉnh|tp\.?)\s+/i, '').replace(/\s*\(.*\)\s*$/, '').trim();
/** "Thành phố Hải Phòng" reads "thành phố Hải Phòng" inside a sentence. */
const inSentence = (city: string) => (city || 'thành phố').replace(/^(Thành phố|Tỉnh)(?= )/, (w) => w.toLocaleLowerCase('vi'));

/** "ngày 04 tháng 12 năm 2026" (Decree 30: leading zero for days below 10 and months 1 and 2) of a Vietnam calendar day. */
function dateLine(city: string, isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${placeName(city) || '……'}, ngày ${String(d).padStart(2, '0')} tháng ${m! <= 2 ? `0${m}` : m} năm ${y}`;
}

const joined = (parts: string[]) => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}` : (parts[0] ?? ''));
const KINDS = Object.keys(KIND_WORDS) as LocalityKind[];

/** "12 phường, 15 xã và 3 đặc khu". */
const kindsWords = (rows: LocalityFigures[]) =>
  joined(KINDS.map((k) => [rows.filter((r) => r.kind === k).length, KIND_WORDS[k].many] as const).filter(([c]) => c > 0).map(([c, w]) => `${n(c)} ${w}`));

/** "phường, xã và đặc khu": the kinds the city has (all three before it has any). */
const kindNames = (rows: LocalityFigures[]) => joined(KINDS.filter((k) => rows.length === 0 || rows.some((r) => r.kind === k)).map((k) => KIND_WORDS[k].many));

/** The city's growth: new learners over the same adults as its coverage, rounded as every share is (server/stats/suppress.ts). */
export const cityGrowth = (v: CityOverview) => (v.totals.adults && typeof v.totals.newLearners === 'number' ? Math.round((v.totals.newLearners / v.totals.adults) * 10_000) / 10_000 : null);

/** A locality's place in a ranking, only when its share is shown: the overview puts the others last, unranked in effect. */
function rankOf(order: string[], rows: LocalityFigures[], share: (r: LocalityFigures) => number | null): Map<string, string> {
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return new Map(order.map((slug, i) => [slug, share(bySlug.get(slug)!) === null ? '—' : String(i + 1)]));
}

function leaders(v: CityOverview, order: string[], share: (r: LocalityFigures) => number | null): string {
  const bySlug = new Map(v.localities.map((r) => [r.slug, r]));
  return order
    .map((s) => bySlug.get(s)!)
    .filter((r) => (share(r) ?? 0) > 0)
    .slice(0, 3)
    .map((r) => `${r.name} (${shareWords(share(r))})`)
    .join('; ');
}

function situation(v: CityOverview, city: string): Block[] {
  const t = v.totals;
  const out: Block[] = [];
  if (t.localities === 0) return [{ kind: 'para', text: 'Trong kỳ báo cáo, thành phố chưa có địa phương nào triển khai phong trào trên Học vụ số.' }];
  out.push({ kind: 'para', text: `Trong kỳ báo cáo, trên địa bàn ${inSentence(city)} có ${n(t.localities)} địa phương triển khai phong trào trên Học vụ số (${kindsWords(v.localities)}).` });
  out.push({
    kind: 'para',
    text: `Đến cuối kỳ, toàn thành phố có ${countWords(t.learners)} người học (lũy kế), trong đó ${countWords(t.newLearners)} người học mới trong kỳ; ${n(t.lessonsCompleted)} lượt hoàn thành bài học trong kỳ.`,
  });
  const missing = v.localities.filter((r) => r.adults === null).length;
  out.push({
    kind: 'para',
    text:
      t.adults === null
        ? 'Chưa địa phương nào khai báo dân số trưởng thành của tổ dân phố, nên chưa tính được tỷ lệ phổ cập và tăng trưởng.'
        : `Tỷ lệ phổ cập toàn thành phố đạt ${shareWords(t.coverage)}, tỷ lệ tăng trưởng trong kỳ ${shareWords(cityGrowth(v))}, trên ${n(t.adults)} người trưởng thành của các tổ dân phố đã khai báo dân số${missing ? `; ${n(missing)} địa phương chưa khai báo dân số nên chưa có tỷ lệ` : ''}.`,
  });
  const byCoverage = leaders(v, v.ranking.byCoverage, (r) => r.coverage);
  const byGrowth = leaders(v, v.ranking.byGrowth, (r) => r.growth);
  if (byCoverage) out.push({ kind: 'para', text: `Dẫn đầu về tỷ lệ phổ cập: ${byCoverage}. Dẫn đầu về tỷ lệ tăng trưởng: ${byGrowth || 'chưa có'}.` });
  else out.push({ kind: 'para', text: 'Chưa có địa phương nào đủ số liệu để xếp hạng.' });
  return out;
}

/** The table of every locality, in the overview's order, then the city's totals. */
export function localityRows(v: CityOverview): string[][] {
  const byCoverage = rankOf(v.ranking.byCoverage, v.localities, (r) => r.coverage);
  const byGrowth = rankOf(v.ranking.byGrowth, v.localities, (r) => r.growth);
  const rows = v.localities.map((r, i) => [String(i + 1), r.name, KIND_WORDS[r.kind].one, countWords(r.learners), countWords(r.newLearners), shareWords(r.coverage), shareWords(r.growth), byCoverage.get(r.slug) ?? '—', byGrowth.get(r.slug) ?? '—']);
  const t = v.totals;
  rows.push(['', TOTAL_LABEL, '', countWords(t.learners), countWords(t.newLearners), shareWords(t.coverage), shareWords(cityGrowth(v)), '', '']);
  return rows;
}

/** What each figure is: the kinds of learning it counts, and where it comes from. */
const DEFINITIONS: string[] = [
  '- Người học (lũy kế đến cuối kỳ): người dân có ít nhất một hoạt động học đến ngày cuối kỳ, gồm cả người tự học, tự khai trên điện thoại và người học có thành viên tổ công nghệ số hướng dẫn, xác nhận; bài học đang chờ cán bộ xem xét không được tính.',
  '- Người học mới trong kỳ: trong số người học, những người có hoạt động học đầu tiên nằm trong kỳ báo cáo.',
  '- Lượt hoàn thành bài học: tính theo các loại bài học mà mỗi phường, xã, đặc khu đã chọn tính vào số liệu chính thức của mình (học có người hướng dẫn xác nhận; tự học, tự khai trên điện thoại).',
  '- Tỷ lệ phổ cập: người học chia cho số người trưởng thành của các tổ dân phố mà địa phương đã khai báo dân số; tỷ lệ tăng trưởng: người học mới trong kỳ chia cho cùng số đó. Không có tỷ lệ (“—”) khi địa phương chưa khai báo dân số hoặc khi số người học không được hiện.',
  '- Xếp hạng: theo tỷ lệ, từ cao xuống thấp; địa phương không có tỷ lệ không được xếp hạng (“—”).',
  '- Số liệu của mỗi địa phương đọc từ chính dữ liệu của địa phương đó, theo đúng định nghĩa trên trang số liệu của địa phương, nên trùng với số liệu địa phương tự báo cáo cho cùng kỳ.',
];

export const SUPPRESSION_NOTES = ['“<5” nghĩa là ít hơn 5 người: không hiện số để không ai bị nhận ra.', '“*” là số được ẩn thêm, để không ai lấy tổng trừ đi các ô còn lại mà suy ra số bị ẩn.'];

/** The whole report for a city named as its home profile writes it ("Thành phố Hải Phòng"; '' while the profile is the shipped sample), dated on a Vietnam calendar day. */
export function cityReport(v: CityOverview, cityName: string, issuedOn: string): CityReport {
  const city = cityName.trim();
  const upper = city.toLocaleUpperCase('vi');
  const kinds = kindNames(v.localities);
  const period = `từ ngày ${day(v.range.from)} đến ngày ${day(v.range.to)}`;
  const blocks: Block[] = [
    { kind: 'para', text: `Ủy ban nhân dân ${inSentence(city)} báo cáo tổng hợp kết quả phong trào “Bình dân học vụ số” trên địa bàn các ${kinds} ${period} như sau:` },
    { kind: 'heading', text: 'I. TÌNH HÌNH CHUNG' },
    ...situation(v, city),
    { kind: 'heading', text: 'II. KẾT QUẢ CỦA TỪNG ĐỊA PHƯƠNG' },
    { kind: 'table', testId: 'city-report-localities', header: TABLE_HEADER, rows: localityRows(v), widths: TABLE_WIDTHS, textColumns: 3 },
    { kind: 'heading', text: 'III. CÁCH TÍNH SỐ LIỆU' },
    ...DEFINITIONS.map((text): Block => ({ kind: 'para', text })),
    { kind: 'para', text: `Trên đây là báo cáo tổng hợp kết quả phong trào “Bình dân học vụ số” trên địa bàn ${inSentence(city)}./.` },
    { kind: 'heading', text: 'Ghi chú:' },
    ...SUPPRESSION_NOTES.map((text): Block => ({ kind: 'para', text })),
  ];
  return {
    head: {
      superior: '',
      // Unnamed (the shipped sample profile): left for the office to write in.
      issuer: ['ỦY BAN NHÂN DÂN', upper || '……………'],
      number: 'Số:        /BC-UBND',
      placeDate: dateLine(city, issuedOn),
      title: 'BÁO CÁO',
      subject: ['Tổng hợp kết quả phong trào “Bình dân học vụ số”', `trên địa bàn ${inSentence(city)}`, `Kỳ báo cáo: ${period}`],
      recipients: [`- UBND các ${kinds};`, '- Lưu: VT.'],
      signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      signHint: '(Ký, ghi rõ họ tên, đóng dấu)',
    },
    blocks,
  };
}
