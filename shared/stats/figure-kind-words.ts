// The words for the kinds of figure (figure-kinds.ts), the same on the
// dashboard (the web adds them to its strings as dashboard.kinds), in the
// exports and in the ward report (printed and Word). Vietnamese first.
import type { FigureKind } from './figure-kinds.ts';

export interface FigureKindWords {
  title: string;
  name: Record<FigureKind, string>;
  definition: Record<FigureKind, string>;
  held: string;
  heldDefinition: string;
  official: string;
  /** Said under the official figure: the ward chose, or the default and why. */
  chosen: string;
  byDefault: string;
  unit: Record<FigureKind, string>;
  /** After the headline's lesson count: which kinds it counts. */
  counting: string;
  countingNone: string;
  /** After the headline's outcome count when the ward does not count outcomes. */
  outcomesNotCounted: string;
}

export const FIGURE_KIND_WORDS: Record<'vi' | 'en', FigureKindWords> = {
  vi: {
    title: 'Số liệu theo loại xác nhận',
    name: { verified: 'Học có người hướng dẫn xác nhận', 'self-reported': 'Tự học, tự khai trên điện thoại', outcomes: 'Kết quả thực hành được xác nhận' },
    definition: {
      verified: 'Bài học do thành viên tổ công nghệ số ghi nhận trực tiếp, hoặc người dân tự học trên điện thoại sau khi điểm danh vào một buổi hướng dẫn.',
      'self-reported': 'Bài học người dân tự ghi nhận trên điện thoại, không gắn với người hướng dẫn hay buổi hướng dẫn nào.',
      outcomes: 'Việc làm thật do thành viên tổ xác nhận (ví dụ kích hoạt định danh điện tử mức 2), mỗi người dân và mỗi kết quả tính một lần.',
    },
    held: 'Bài học đang chờ xem xét',
    heldDefinition: 'Bản ghi vi phạm quy tắc hợp lý (học quá nhanh, quá nhiều người trên một máy…): đã lưu nhưng không tính vào số liệu nào cho đến khi cán bộ chấp nhận.',
    official: 'Lượt hoàn thành bài học dùng cho số liệu chính thức',
    chosen: 'Phường đã chọn tính: {{kinds}}.',
    byDefault: 'Phường chưa chọn; mặc định tính: {{kinds}}, vì phong trào đếm người dân đã học dù học theo cách nào, và các bản ghi bất thường đã bị loại ra cho đến khi được xem xét.',
    unit: { verified: 'lượt bài', 'self-reported': 'lượt bài', outcomes: 'kết quả' },
    counting: 'tính: {{kinds}}',
    countingNone: 'phường không chọn tính loại bài học nào',
    outcomesNotCounted: 'phường không chọn tính kết quả thực hành vào số liệu chính thức',
  },
  en: {
    title: 'Figures by kind of evidence',
    name: { verified: 'Learning confirmed by a guide', 'self-reported': 'Self-reported on a phone', outcomes: 'Outcomes confirmed' },
    definition: {
      verified: 'Lessons a guide recorded in person, or that a resident completed on their phone after checking in to a guided session.',
      'self-reported': 'Lessons a resident recorded on their phone alone, with no guide or guided session behind them.',
      outcomes: 'A real task a guide confirmed (for example a level-2 electronic identity activated), once per resident and outcome.',
    },
    held: 'Lessons waiting for review',
    heldDefinition: 'Records that broke a plausibility rule (too fast, too many learners on one phone…): stored, but in no figure until a reviewer accepts them.',
    official: 'Lesson completions in the official figures',
    chosen: 'The ward chose to count: {{kinds}}.',
    byDefault: 'The ward has not chosen; by default it counts: {{kinds}}, because the movement counts residents who learnt however they learnt, and unusual records are already left out until reviewed.',
    unit: { verified: 'lessons', 'self-reported': 'lessons', outcomes: 'outcomes' },
    counting: 'counting: {{kinds}}',
    countingNone: 'the ward counts no kind of lesson',
    outcomesNotCounted: 'the ward does not count outcomes in its official figures',
  },
};

/** "Phường đã chọn tính: …" / the default and why, in one line. */
export function officialLine(lang: 'vi' | 'en', official: { kinds: readonly FigureKind[]; isDefault: boolean }): string {
  const w = FIGURE_KIND_WORDS[lang];
  const kinds = official.kinds.map((k) => w.name[k].toLowerCase()).join('; ');
  return (official.isDefault ? w.byDefault : w.chosen).replace('{{kinds}}', kinds);
}

/** The kinds table: rows of [name, figure, definition], the same on every medium. */
export function figureKindRows(lang: 'vi' | 'en', k: { verified: number; selfReported: number; outcomes: number; held: number; officialLessons: number; official: { kinds: readonly FigureKind[]; isDefault: boolean } }): Array<[string, number, string]> {
  const w = FIGURE_KIND_WORDS[lang];
  return [
    [w.name.verified, k.verified, w.definition.verified],
    [w.name['self-reported'], k.selfReported, w.definition['self-reported']],
    [w.name.outcomes, k.outcomes, w.definition.outcomes],
    [w.held, k.held, w.heldDefinition],
    [w.official, k.officialLessons, officialLine(lang, k.official)],
  ];
}

/** A label for a figure that counts only some kinds (the headline's lessons): "Lượt hoàn thành bài học (tính: …)", the same on every medium. */
export function countedLabel(lang: 'vi' | 'en', label: string, kinds: readonly FigureKind[]): string {
  const w = FIGURE_KIND_WORDS[lang];
  const learning = kinds.filter((k) => k !== 'outcomes');
  return `${label} (${learning.length ? w.counting.replace('{{kinds}}', learning.map((k) => w.name[k].toLowerCase()).join('; ')) : w.countingNone})`;
}

/** A headline figure's label, the same on every medium: the lesson count says which kinds it counts, the outcome count says when the ward does not count outcomes. */
export function headlineLabel(lang: 'vi' | 'en', key: string, label: string, h: { lessonsCounted: readonly FigureKind[]; outcomesCounted: boolean }): string {
  if (key === 'lessonsCompleted') return countedLabel(lang, label, h.lessonsCounted);
  if (key === 'outcomesConfirmed' && !h.outcomesCounted) return `${label} (${FIGURE_KIND_WORDS[lang].outcomesNotCounted})`;
  return label;
}
