// The resident feature's server side, built once per app: profile and
// consent projection, certificates, erasure, and what sync must do for them.
import type { SyncResult } from '../../shared/api.ts';
import type { AppContext } from '../context.ts';
import type { IngestHooks } from '../sync/ingest.ts';
import { createWardProfile } from '../ward/profile.ts';
import type { Catalog } from './catalog.ts';
import { createCertificates } from './certificates.ts';
import { createEraser } from './erase.ts';
import { createProfiles } from './profiles.ts';

export interface SyncExtension {
  hooks: IngestHooks;
  /** Runs after the ingest transaction committed. */
  afterCommit(learnerId: string, events: unknown[], results: SyncResult[]): void;
}

export function createResident(ctx: AppContext, catalog: Catalog) {
  const ward = createWardProfile(ctx.sqlite, ctx.now);
  const profiles = createProfiles(ctx.sqlite, ward.hasGroup);
  const certificates = createCertificates(ctx.sqlite, catalog, ctx.now);
  const eraser = createEraser(ctx.sqlite, ctx.now);

  // A deletion request is stored as an event first and carried out right
  // after the commit. Should the process stop in between, the stored request
  // is carried out at the next start.
  const pendingErasures = ctx.sqlite.prepare<[], { learnerId: string }>(
    "SELECT DISTINCT learner_id AS learnerId FROM events WHERE type = 'learner.deletion-requested'",
  );
  for (const { learnerId } of pendingErasures.all()) eraser.erase(learnerId);

  const sync: SyncExtension = {
    hooks: profiles.hooks,
    afterCommit(learnerId, events, results) {
      const asked = events.some(
        (e, i) => (e as { type?: unknown })?.type === 'learner.deletion-requested' && results[i]?.status !== 'rejected',
      );
      if (asked) {
        eraser.erase(learnerId);
        ctx.logger.info('learner erased on request');
      }
    },
  };

  return { ward, profiles, certificates, eraser, catalog, sync };
}

export type Resident = ReturnType<typeof createResident>;
