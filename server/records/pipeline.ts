// The record pipeline: one ingest per record family (shared/events.ts), all
// sharing one group commit, with every feature's projections plugged in as
// hooks. server/app.ts builds it with the list of projections.
import type { Engine } from '../db/engine/engine.ts';
import { createGroupCommit } from './group-commit.ts';
import { combineHooks, type Projection } from './hooks.ts';
import { createIngest } from './ingest.ts';
import { createGuideStore, createLearnerStore, createUnitStore } from './stores.ts';

export function createRecordPipeline(engine: Engine, projections: readonly Projection[]) {
  const commit = createGroupCommit(engine);
  return {
    learner: createIngest('learner', createLearnerStore(engine.kind), combineHooks(projections.map((p) => p.learner)), commit),
    guide: createIngest('guide', createGuideStore(engine.kind), combineHooks(projections.map((p) => p.guide)), commit),
    unit: createIngest('unit', createUnitStore(), combineHooks(projections.map((p) => p.unit)), commit),
  };
}

export type RecordPipeline = ReturnType<typeof createRecordPipeline>;
