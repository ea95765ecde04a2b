// The resident feature's server side, built once per app: profile and
// consent projection, certificates, erasure, and what sync must do for them.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { events } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import { createWardProfile } from '../ward/profile.ts';
import type { Catalog } from './catalog.ts';
import { createCertificates } from './certificates.ts';
import { createEraser } from './erase.ts';
import { createProfiles } from './profiles.ts';

export function createResident(ctx: AppContext, catalog: Catalog, hooks: { beforeErase?: () => void } = {}) {
  const ward = createWardProfile(ctx.engine, ctx.now);
  const profiles = createProfiles(ctx.engine, ward.hasGroup);
  const certificates = createCertificates(ctx.db, catalog, ctx.now);
  const eraser = createEraser(ctx.db, ctx.now, hooks.beforeErase);

  // A deletion request is stored as an event first and carried out right
  // after the commit. Should the process stop in between, the stored request
  // is carried out at the next start.
  const pendingErasures = ctx.db.selectDistinct({ learnerId: events.learnerId }).from(events).where(eq(events.type, 'learner.deletion-requested')).all();
  for (const { learnerId } of pendingErasures) eraser.erase(learnerId);

  /** Consent and profile in the sync transaction; erasure right after the commit. */
  const projection: Projection = {
    name: 'resident',
    learner: {
      ...profiles.hooks,
      afterCommit(by, outcomes) {
        if (outcomes.some((o) => o.event.type === 'learner.deletion-requested' && (o.status === 'accepted' || o.status === 'duplicate'))) {
          eraser.erase(by.id);
          ctx.logger.info('learner erased on request');
        }
      },
    },
  };

  return { ward, profiles, certificates, eraser, catalog, projection };
}

export type Resident = ReturnType<typeof createResident>;
