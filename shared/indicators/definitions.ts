// The movement's indicators, defined once: what each counts, how, over which
// span, and which kind of evidence stands behind it. Provincial plans all
// report these few (field research §2.2: Plan 01-KH/BCĐTW via the provincial
// plans; Công văn 3240/BTTTT-CĐSQG for households; 793/BTTTT-THH for the
// community digital-technology teams). The indicators page, the report's
// part I and the server's counts read this list. zod-free: office screens
// import it.
import type { FigureKind } from '../stats/figure-kinds.ts';

export const INDICATOR_IDS = ['basic-skills', 'platform-confirmed', 'households-five-skills', 'cns-teams', 'cns-members', 'sessions', 'participants', 'certificates'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The ward's definition of "adults with basic digital skills". */
export const BASIC_SKILLS_RULES = ['five-skills', 'one-course'] as const;
export type BasicSkillsRule = (typeof BASIC_SKILLS_RULES)[number];
export const DEFAULT_BASIC_SKILLS_RULE: BasicSkillsRule = 'five-skills';

/** The outcome a guide confirms when the resident shows the national confirmation on their own screen. */
export { PLATFORM_CONFIRMED_OUTCOME } from '../guide/constants.ts';

/** An adult: born at least this many years before the year of the period's end. */
export const ADULT_AGE = 18;

type Words = { vi: string; en: string };

export interface IndicatorDefinition {
  id: IndicatorId;
  label: Words;
  /** How it is computed, in words shown on the page. */
  how: Words;
  /** The kinds of evidence behind it (shared/stats/figure-kinds.ts); empty: a count of the ward's own records. */
  kinds: readonly FigureKind[];
  /** What a percentage target is a share of; null: the target is a count only. */
  base: 'adults' | 'households' | 'groups' | null;
  /** Residents are counted: per-group cells of 1–4 are shown as "<5". */
  residents: boolean;
  /** 'to-date': everything up to the period's last day; 'period': within the period; 'now': as the accounts stand today. */
  span: 'to-date' | 'period' | 'now';
}

const LEARNING: readonly FigureKind[] = ['verified', 'self-reported'];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'basic-skills',
    label: { vi: 'Người trưởng thành có kỹ năng số cơ bản', en: 'Adults with basic digital skills' },
    how: {
      vi: 'Người học từ 18 tuổi (hoặc không khai năm sinh) đạt định nghĩa của phường (xem dưới), tính đến ngày cuối kỳ. Tỷ lệ trên số người trưởng thành của tổ dân phố.',
      en: "Learners aged 18 or over (or who gave no birth year) who meet the ward's definition (below), up to the period's last day. Share of the group's adult population.",
    },
    kinds: LEARNING,
    base: 'adults',
    residents: true,
    span: 'to-date',
  },
  {
    id: 'platform-confirmed',
    label: { vi: 'Người trưởng thành được xác nhận phổ cập kỹ năng số trên VNeID / nền tảng quốc gia', en: 'Adults confirmed on VNeID / the national platform' },
    how: {
      vi: 'Người từ 18 tuổi (hoặc không khai năm sinh) mà thành viên tổ đã xem xác nhận trên màn hình của chính người dân và ghi nhận, mỗi người tính một lần, tính đến ngày cuối kỳ. Không sao chép dữ liệu nào từ VNeID.',
      en: "People aged 18 or over (or who gave no birth year) whose confirmation a guide saw on the resident's own screen and recorded, once per person, up to the period's last day. Nothing is copied from VNeID.",
    },
    kinds: ['outcomes'],
    base: 'adults',
    residents: true,
    span: 'to-date',
  },
  {
    id: 'households-five-skills',
    label: { vi: 'Hộ gia đình có ít nhất 1 người thành thạo 5 kỹ năng số cơ bản', en: 'Households with at least one person who finished the five basic skills' },
    how: {
      vi: 'Hộ do thành viên tổ ghi nhận có ít nhất một thành viên đã hoàn thành mọi khóa học của 5 kỹ năng số cơ bản, tính đến ngày cuối kỳ. Tỷ lệ trên số hộ của tổ dân phố.',
      en: "Households a guide recorded with at least one member who finished every course of the five basic skills, up to the period's last day. Share of the group's households.",
    },
    kinds: LEARNING,
    base: 'households',
    residents: true,
    span: 'to-date',
  },
  {
    id: 'cns-teams',
    label: { vi: 'Tổ công nghệ số cộng đồng (tổ dân phố có tổ)', en: 'Community digital-technology teams (residential groups covered)' },
    how: {
      vi: 'Tổ dân phố có ít nhất một thành viên tổ công nghệ số cộng đồng đang hoạt động được giao phụ trách (mỗi tổ dân phố một tổ). Theo tài khoản hiện tại.',
      en: 'Residential groups with at least one active community digital-technology team member assigned (one team per residential group). As the accounts stand now.',
    },
    kinds: [],
    base: 'groups',
    residents: false,
    span: 'now',
  },
  {
    id: 'cns-members',
    label: { vi: 'Thành viên tổ công nghệ số cộng đồng', en: 'Community digital-technology team members' },
    how: {
      vi: 'Tài khoản thành viên tổ công nghệ số cộng đồng đang hoạt động, mỗi người tính một lần cho phường; theo tổ dân phố: những người được giao tổ đó. Theo tài khoản hiện tại.',
      en: 'Active community digital-technology team accounts, each counted once for the ward; per residential group: those assigned to it. As the accounts stand now.',
    },
    kinds: [],
    base: null,
    residents: false,
    span: 'now',
  },
  {
    id: 'sessions',
    label: { vi: 'Buổi hướng dẫn', en: 'Guided sessions' },
    how: { vi: 'Buổi hướng dẫn bắt đầu trong kỳ, theo tổ dân phố của buổi.', en: "Sessions that started within the period, by the session's residential group." },
    kinds: [],
    base: null,
    residents: false,
    span: 'period',
  },
  {
    id: 'participants',
    label: { vi: 'Lượt người tham gia buổi hướng dẫn', en: 'Session participants' },
    how: {
      vi: 'Mỗi người dự một buổi bắt đầu trong kỳ tính một lượt (tự điểm danh bằng mã buổi, hoặc được thành viên tổ ghi nhận).',
      en: 'Each person at a session that started within the period counts once per session (checked in with the code, or recorded by the guide).',
    },
    kinds: ['verified'],
    base: null,
    residents: true,
    span: 'period',
  },
  {
    id: 'certificates',
    label: { vi: 'Chứng nhận đã cấp', en: 'Certificates issued' },
    how: { vi: 'Chứng nhận cấp trong kỳ (một khóa học hoặc "Công dân số"), theo tổ dân phố người học đã khai.', en: 'Certificates issued within the period (a course or "Digital citizen"), by the residential group the learner gave.' },
    kinds: LEARNING,
    base: null,
    residents: true,
    span: 'period',
  },
];

export const indicatorOf = (id: IndicatorId): IndicatorDefinition => INDICATORS.find((d) => d.id === id)!;

/** The ward's definition of "basic digital skills", in words. */
export const BASIC_SKILLS_RULE_WORDS: Record<BasicSkillsRule, Words> = {
  'five-skills': { vi: 'Đã hoàn thành mọi khóa học của 5 kỹ năng số cơ bản.', en: 'Finished every course of the five basic skills.' },
  'one-course': { vi: 'Đã hoàn thành trọn vẹn ít nhất một khóa học.', en: 'Finished at least one whole course.' },
};
