// What kind of evidence stands behind a figure. Every learning figure is one
// of two kinds, and outcomes are a third; the dashboard, the exports and the
// ward report show them apart with these definitions, and the ward chooses
// which kinds its official (headline) figures use. zod-free: the dashboard's
// screen imports it.

export const FIGURE_KINDS = ['verified', 'self-reported', 'outcomes'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * Until the ward chooses: both kinds of learning and the confirmed outcomes.
 * The movement counts residents who learnt, however they learnt, and a
 * ward's reported figures should not drop the day this setting appears;
 * records that broke a plausibility rule are already left out until a
 * reviewer accepts them. A ward that wants only what a guide saw unticks
 * "self-reported".
 */
export const DEFAULT_OFFICIAL_KINDS: readonly FigureKind[] = ['verified', 'self-reported', 'outcomes'];

export interface FigureKinds {
  /** Lessons completed with a guide: recorded by the guide in person, or on the resident's phone after checking in to a guided session (credited to it). */
  verified: number;
  /** Lessons completed on a phone alone, with no guide or session behind them. */
  selfReported: number;
  /** Outcomes a guide confirmed (a resident did the real thing: a level-2 VNeID, a first online payment…), one per resident and outcome. */
  outcomes: number;
  /** Lesson completions stored but held by a plausibility rule, waiting for a reviewer: in no figure above. */
  held: number;
  /** The kinds the ward's official figures use, and whether that is the default (the ward has not chosen). */
  official: { kinds: FigureKind[]; isDefault: boolean };
  /** Lessons the official figure counts: the learning kinds chosen. */
  officialLessons: number;
}

/** The official lesson count: the learning kinds chosen, added. */
export const officialLessons = (k: Pick<FigureKinds, 'verified' | 'selfReported'>, kinds: readonly FigureKind[]) =>
  (kinds.includes('verified') ? k.verified : 0) + (kinds.includes('self-reported') ? k.selfReported : 0);
