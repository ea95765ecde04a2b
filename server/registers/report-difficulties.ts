// Part III of the plan report ("khó khăn, vướng mắc") read from the
// difficulties register: those open at some time in the report's period,
// in the report's words (open, being handled, resolved).
import type { ReportDifficulty } from '../../shared/plans/report.ts';
import type { Db } from '../db/open.ts';
import type { Units } from '../plans/units.ts';
import type { DifficultySource } from '../plans/report-data.ts';
import { difficultiesForReport } from './difficulties.ts';

const STATUS: Record<string, ReportDifficulty['status']> = { new: 'open', handling: 'handling', proposed: 'handling', resolved: 'resolved' };

export function registerDifficulties(db: Db, units: Units): DifficultySource {
  return (planId, period) => {
    const shortName = new Map(units.list().map((u) => [u.id, u.shortName]));
    return difficultiesForReport(db, planId, period.from, period.to).map((d) => ({
      unit: shortName.get(d.unitId) ?? d.unitName,
      summary: d.summary,
      status: STATUS[d.status] ?? 'open',
      handling: d.handling ?? (d.status === 'proposed' ? 'Đã đề xuất Ủy ban nhân dân phường.' : ''),
      reportedOn: d.raisedOn,
      resolvedOn: d.resolvedOn,
    }));
  };
}
