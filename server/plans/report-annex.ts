// The report's annex as Excel: every activity of the period, one row each,
// from the same figures as the report (server/plans/report-data.ts), and a
// second sheet with the units × forms counts the report prints.
import { REACH_MEASURES } from '../../shared/plans/constants.ts';
import { REACH_WORDS } from '../../shared/plans/report-outline.ts';
import type { PlanReport } from '../../shared/plans/report.ts';
import { writeXlsx } from '../files/xlsx-write.ts';

const AUDIENCE_WORDS: Record<string, string> = {
  'civil-servants': 'Cán bộ, công chức',
  'party-members': 'Đảng viên',
  'union-members': 'Hội viên, đoàn viên',
  businesses: 'Doanh nghiệp',
  residents: 'Người dân',
  'young-people': 'Thanh, thiếu niên',
};

/** A day as an Excel date (its UTC fields are the calendar day). */
const excelDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const ANNEX_HEADER = [
  'STT',
  'Đơn vị',
  'Từ ngày',
  'Đến ngày',
  'Hình thức',
  'Loại',
  'Nội dung',
  'Tên hoạt động',
  'Địa điểm, kênh',
  'Đối tượng',
  ...REACH_MEASURES.map((m) => REACH_WORDS[m].replace(/^./, (c) => c.toLocaleUpperCase('vi'))),
  'Đường dẫn',
  'Số lần sửa',
];

export function planReportAnnex(r: PlanReport): Buffer {
  const d = r.data;
  const activities = d.activities.map((a, i) => [
    i + 1,
    a.unit,
    excelDay(a.startsOn),
    excelDay(a.endsOn),
    a.formCode,
    a.subForm ?? '',
    a.contentItems.join(', '),
    a.title,
    a.place,
    a.audiences.map((x) => AUDIENCE_WORDS[x] ?? x).join(', '),
    ...REACH_MEASURES.map((m) => a.reach[m] ?? null),
    a.links.join(' '),
    a.corrections,
  ]);
  const units = d.units.map((u, i) => [i + 1, u.shortName, ...d.forms.map((f) => u.perForm[f.code] ?? 0), u.total]);
  return writeXlsx(
    [
      { name: 'Phụ lục hoạt động', header: ANNEX_HEADER, rows: activities, widths: [6, 12, 12, 12, 10, 18, 12, 40, 24, 20, ...REACH_MEASURES.map(() => 12), 30, 10] },
      { name: 'Theo đơn vị', header: ['STT', 'Đơn vị', ...d.forms.map((f) => f.code), 'Tổng số'], rows: units, widths: [6, 14, ...d.forms.map(() => 10), 10] },
    ],
    { title: `Phụ lục báo cáo Kế hoạch số ${d.plan.numberSymbol} ${d.period.words}`, creator: d.wardName, created: new Date(d.generatedAt) },
  );
}
