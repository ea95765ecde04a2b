// The learner's optional profile on the server, projected from resident
// events inside the sync transaction. Consent gates everything: a
// `profile.updated` without consent on record is rejected, and withdrawing
// consent clears the personal fields and deletes the profile events that
// carried them. Residents' consent is the only legal basis used here.
import type { SyncResult } from '../../shared/api.ts';
import type { LearningEvent } from '../../shared/events.ts';
import { EMPTY_PROFILE, type ProfileDetails } from '../../shared/events/resident.ts';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { events, learnerProfiles } from '../db/schema/index.ts';
import { excluded, setPlaceholders } from '../db/set-values.ts';
import type { RecordHooks } from '../records/hooks.ts';

type Profile = typeof learnerProfiles.$inferSelect;
type Consent = Pick<Profile, 'learnerId' | 'consentVersion' | 'consentAt' | 'updatedAt'>;
type Details = Pick<Profile, 'learnerId' | 'displayName' | 'birthYear' | 'gender' | 'residentialGroupId' | 'unit' | 'updatedAt'>;

export function createProfiles(engine: Engine, hasGroup: (id: string) => Promise<boolean>) {
  const { db } = engine;
  // Prepared once: the hooks run for every synced learner record.
  const learnerId = sql.placeholder('learnerId');
  const get = db
    .select({
      consentVersion: learnerProfiles.consentVersion,
      consentAt: learnerProfiles.consentAt,
      displayName: learnerProfiles.displayName,
      birthYear: learnerProfiles.birthYear,
      gender: learnerProfiles.gender,
      residentialGroupId: learnerProfiles.residentialGroupId,
      unit: learnerProfiles.unit,
    })
    .from(learnerProfiles)
    .where(eq(learnerProfiles.learnerId, learnerId))
    .prepare();
  const giveConsent = db
    .insert(learnerProfiles)
    .values(placeholders<Consent>(['learnerId', 'consentVersion', 'consentAt', 'updatedAt']))
    .onConflictDoUpdate({
      target: learnerProfiles.learnerId,
      set: { consentVersion: excluded(learnerProfiles.consentVersion), consentAt: excluded(learnerProfiles.consentAt), updatedAt: excluded(learnerProfiles.updatedAt) },
    })
    .prepare();
  const withdraw = db
    .update(learnerProfiles)
    .set({ consentVersion: null, consentAt: null, displayName: null, birthYear: null, gender: null, residentialGroupId: null, unit: null, ...setPlaceholders<Pick<Profile, 'updatedAt'>>(['updatedAt']) })
    .where(eq(learnerProfiles.learnerId, learnerId))
    .prepare();
  const forgetProfileEvents = db
    .delete(events)
    .where(and(eq(events.learnerId, learnerId), eq(events.type, 'profile.updated')))
    .prepare();
  const update = db
    .update(learnerProfiles)
    .set(setPlaceholders<Details>(['displayName', 'birthYear', 'gender', 'residentialGroupId', 'unit', 'updatedAt']))
    .where(and(eq(learnerProfiles.learnerId, learnerId), isNotNull(learnerProfiles.consentVersion)))
    .prepare();

  const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });

  const hooks: RecordHooks<LearningEvent> = {
    async check(event) {
      if (event.type !== 'profile.updated') return undefined;
      if ((await get.get({ learnerId: event.learnerId }))?.consentVersion == null) {
        return reject(event.id, 'consent_required', 'Personal details are accepted only after the learner has consented');
      }
      const group = event.profile.residentialGroupId;
      if (group !== null && !(await hasGroup(group))) return reject(event.id, 'unknown_group', `There is no residential group "${group}" in this ward`);
      return undefined;
    },
    async apply(event: LearningEvent, effectiveAt: number) {
      switch (event.type) {
        case 'consent.given':
          await giveConsent.run({ learnerId: event.learnerId, consentVersion: event.noticeVersion, consentAt: effectiveAt, updatedAt: effectiveAt } satisfies Consent);
          break;
        case 'consent.withdrawn':
          await withdraw.run({ updatedAt: effectiveAt, learnerId: event.learnerId });
          await forgetProfileEvents.run({ learnerId: event.learnerId });
          break;
        case 'profile.updated': {
          const { displayName, birthYear, gender, residentialGroupId, unit } = event.profile;
          await update.run({ learnerId: event.learnerId, displayName, birthYear, gender, residentialGroupId, unit, updatedAt: effectiveAt } satisfies Details);
          break;
        }
      }
    },
  };

  return {
    hooks,
    /** The profile and consent as the learner sees them (null fields when withdrawn or never given). */
    async read(learnerId: string): Promise<{ profile: ProfileDetails | null; consent: { noticeVersion: number; givenAt: string } | null }> {
      const row = await get.get({ learnerId });
      if (!row || row.consentVersion === null || row.consentAt === null) return { profile: null, consent: null };
      const { displayName, birthYear, gender, residentialGroupId, unit } = row;
      return {
        // The column holds only what profile.updated's schema allowed.
        profile: { ...EMPTY_PROFILE, displayName, birthYear, gender: gender as ProfileDetails['gender'], residentialGroupId, unit },
        consent: { noticeVersion: row.consentVersion, givenAt: new Date(row.consentAt).toISOString() },
      };
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
