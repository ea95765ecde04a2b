// Part III of the plan report ("khó khăn, vướng mắc") read from the
// difficulties register: those open at some time in the report's period,
// in the report's words (open, being handled, resolved).
import type { ReportDifficulty } from '../../shared/plans/report.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { Units } from '../plans/units.ts';
import type { DifficultySource } from '../plans/report-data.ts';
import { difficultiesForReport } from './difficulties.ts';

const STATUS: Record<string, ReportDifficulty['status']> = { new: 'open', handling: 'handling', proposed: 'handling', resolved: 'resolved' };

export function registerDifficulties(engine: Engine, units: Pick<Units, 'list'>): DifficultySource {
  return async (planId, period) => {
    const shortName = new Map((await units.list()).map((u) => [u.id, u.shortName]));
    return (await difficultiesForReport(engine, planId, period.from, period.to)).map((d) => ({
      unit: shortName.get(d.unitId) ?? d.unitName,
      summary: d.summary,
      status: STATUS[d.status] ?? 'open',
      handling: d.handling ?? (d.status === 'proposed' ? 'Đã đề xuất Ủy ban nhân dân phường.' : ''),
      reportedOn: d.raisedOn,
      resolvedOn: d.resolvedOn,
    }));
  };
}
