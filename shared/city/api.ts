// The city's view of its localities (GET /api/v1/city/overview): each
// locality's figures by the same definitions as its own dashboard, the
// city's totals, and the emulation ranking by coverage and by growth. Counts
// of people follow the "<5" rules of every ward figure (server/stats/suppress.ts).
import type { Locality, LocalityKind } from '../localities/locality.ts';
import type { Count, StatsRange } from '../stats/api.ts';
import type { FigureKind } from '../stats/figure-kinds.ts';

export interface LocalityFigures {
  slug: string;
  name: string;
  kind: LocalityKind;
  /** Learners with any learning activity up to the end of the range. */
  learners: Count;
  /** Of them, those whose first activity is inside the range: the growth. */
  newLearners: Count;
  /** Lesson completions of the kinds the locality's official figures count. */
  lessonsCompleted: number;
  /** Adults in the residential groups that have a population entered; null when none has. */
  adults: number | null;
  /** The kinds of learning the locality's own official figures count (its choice, shared/stats/figure-kinds.ts): its coverage counts learners of these kinds. */
  counted: FigureKind[];
  /** learners / adults, 0–1; null without adults or when the count is not shown. */
  coverage: number | null;
  /** newLearners / adults, 0–1; null likewise. */
  growth: number | null;
}

export interface CityOverview {
  range: StatsRange;
  localities: LocalityFigures[];
  /** The city's own counts of people are "<5" when small like any other: with every locality's hidden, they would name the one who learnt. */
  totals: { localities: number; learners: Count; newLearners: Count; lessonsCompleted: number; adults: number | null; coverage: number | null };
  /** Slugs, best first; localities whose share cannot be shown come last, in name order. */
  ranking: { byCoverage: string[]; byGrowth: string[] };
}

/** POST /api/v1/city/localities: the locality added, and its first admin, whose password is shown this once. */
export interface AddedLocality extends Locality {
  firstAdmin: { username: string; password: string };
}
