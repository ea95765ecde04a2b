// The movement's live figures as sentences a poster or a card can carry,
// each with the kind of evidence behind it (shared/stats/figure-kinds.ts) and
// the day it is as of, from the dashboard's own answer (small counts already
// hidden there; a share built on a hidden count is null and never shown).
import { groupFigure, percentText, wardProgress } from '../../../../shared/outreach/card-figures.ts';
import type { Dashboard } from '../../../../shared/stats/api.ts';
import { FIGURE_KIND_WORDS } from '../../../../shared/stats/figure-kind-words.ts';
import type { FigureKind } from '../../../../shared/stats/figure-kinds.ts';
import { t } from '../../i18n/index.ts';
import { dayText } from './card-sources.ts';

export interface LiveFigure {
  key: string;
  sentence: string;
  /** The kinds of evidence the figure counts. */
  kinds: FigureKind[];
  /** Vietnam calendar day the figure is as of. */
  asOf: string;
}

const number = (n: number) => n.toLocaleString('vi-VN');

/** Every figure worth a sentence: the ward's progress to the target, each group's coverage, lessons by kind, outcomes. */
export function liveFigures(d: Dashboard): LiveFigure[] {
  const asOf = d.range.to;
  const date = dayText(asOf);
  const out: LiveFigure[] = [];
  const ward = wardProgress(d.coverage);
  if (ward) {
    const values = { date, ward: d.meta.wardName, figure: percentText(ward.share), done: number(ward.withFiveSkills), total: number(ward.households) };
    out.push({ key: 'ward', sentence: t(ward.atLeast ? 'studio.figures.wardAtLeast' : 'studio.figures.ward', values), kinds: [...d.coverageCounted], asOf });
  }
  for (const row of d.coverage) {
    const g = groupFigure(row);
    if (!g) continue;
    const key = g.kind === 'households' ? 'studio.figures.groupHouseholds' : 'studio.figures.groupCompleted';
    out.push({ key: `group:${row.groupId}`, sentence: t(key, { date, group: g.groupName, figure: percentText(g.share) }), kinds: [...d.coverageCounted], asOf });
  }
  const counts: Array<[FigureKind, number]> = [['verified', d.kinds.verified], ['self-reported', d.kinds.selfReported], ['outcomes', d.kinds.outcomes]];
  for (const [kind, n] of counts) {
    if (n > 0) out.push({ key: `kind:${kind}`, sentence: t(`studio.figures.count.${kind}`, { date, n: number(n) }), kinds: [kind], asOf });
  }
  return out;
}

/** "Tự học, tự khai trên điện thoại" / both kinds joined, in the screen's language. */
export function kindsText(lang: 'vi' | 'en', kinds: readonly FigureKind[]): string {
  return kinds.map((k) => FIGURE_KIND_WORDS[lang].name[k]).join(' + ');
}
