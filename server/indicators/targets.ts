// The targets a ward set for a plan's indicators: read (the default until
// the first save: the five-skills definition and no targets) and saved as a
// whole. Groups are checked against the ward profile by the caller.
import { eq } from 'drizzle-orm';
import { DEFAULT_BASIC_SKILLS_RULE, type BasicSkillsRule } from '../../shared/indicators/definitions.ts';
import type { IndicatorTargetSet } from '../../shared/indicators/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { planIndicatorTargets } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

export interface StoredTargets {
  targets: IndicatorTargetSet;
  updated: { by: string; at: string } | null;
}

export const NO_TARGETS: IndicatorTargetSet = { basicSkillsRule: DEFAULT_BASIC_SKILLS_RULE, ward: {}, groups: {} };

export function createIndicatorTargets(engine: Engine) {
  return {
    async read(planId: string): Promise<StoredTargets> {
      const row = await engine.db.select().from(planIndicatorTargets).where(eq(planIndicatorTargets.planId, planId)).get();
      if (!row) return { targets: NO_TARGETS, updated: null };
      const { ward, groups } = JSON.parse(row.targets) as Pick<IndicatorTargetSet, 'ward' | 'groups'>;
      return { targets: { basicSkillsRule: row.basicSkillsRule as BasicSkillsRule, ward, groups }, updated: { by: row.updatedBy, at: new Date(row.updatedAt).toISOString() } };
    },
    async save(planId: string, t: IndicatorTargetSet, by: string, at: number): Promise<void> {
      const row = { planId, basicSkillsRule: t.basicSkillsRule, targets: JSON.stringify({ ward: t.ward, groups: t.groups }), updatedBy: by, updatedAt: at };
      await engine.db
        .insert(planIndicatorTargets)
        .values(row)
        .onConflictDoUpdate({
          target: planIndicatorTargets.planId,
          set: {
            basicSkillsRule: excluded(planIndicatorTargets.basicSkillsRule),
            targets: excluded(planIndicatorTargets.targets),
            updatedBy: excluded(planIndicatorTargets.updatedBy),
            updatedAt: excluded(planIndicatorTargets.updatedAt),
          },
        });
    },
  };
}
export type IndicatorTargetStore = ReturnType<typeof createIndicatorTargets>;
