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

export function createResident(ctx: AppContext, catalog: Catalog, hooks: { beforeErase?: () => void | Promise<void> } = {}) {
  const ward = createWardProfile(ctx.engine, ctx.now);
  const profiles = createProfiles(ctx.engine, ward.hasGroup);
  const certificates = createCertificates(ctx.engine, catalog, ctx.now);
  const eraser = createEraser(ctx.engine, ctx.now, hooks.beforeErase);

  // A deletion request is stored as an event first and carried out right
  // after the commit. Should the process stop in between, the stored request
  // is carried out at the next start (`ready`, which the server awaits before it listens).
  const ready = (async () => {
    const pending = await ctx.engine.db.selectDistinct({ learnerId: events.learnerId }).from(events).where(eq(events.type, 'learner.deletion-requested'));
    for (const { learnerId } of pending) await eraser.erase(learnerId);
  })();
  // Requests await it (and fail with its error); here it is only reported, so a failure is never unhandled.
  ready.catch((error: Error) => ctx.logger.error('stored erasures could not be carried out', { error: error.message }));

  /** Consent and profile in the sync transaction; erasure right after the commit. */
  const projection: Projection = {
    name: 'resident',
    learner: {
      ...profiles.hooks,
      async afterCommit(by, outcomes) {
        if (outcomes.some((o) => o.event.type === 'learner.deletion-requested' && (o.status === 'accepted' || o.status === 'duplicate'))) {
          await eraser.erase(by.id);
          ctx.logger.info('learner erased on request');
        }
      },
    },
  };

  return { ward, profiles, certificates, eraser, catalog, projection, ready };
}

export type Resident = ReturnType<typeof createResident>;
