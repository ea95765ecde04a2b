// The learner's optional profile on the server, projected from resident
// events inside the sync transaction. Consent gates everything: a
// `profile.updated` without consent on record is rejected, and withdrawing
// consent clears the personal fields and deletes the profile events that
// carried them. Residents' consent is the only legal basis used here.
import type { SyncResult } from '../../shared/api.ts';
import type { LearningEvent } from '../../shared/events.ts';
import { EMPTY_PROFILE, type ProfileDetails } from '../../shared/events/resident.ts';
import type { Sqlite } from '../db/open.ts';
import type { RecordHooks } from '../records/hooks.ts';

interface ProfileRow {
  consentVersion: number | null;
  consentAt: number | null;
  displayName: string | null;
  birthYear: number | null;
  gender: ProfileDetails['gender'];
  residentialGroupId: string | null;
  unit: string | null;
}

export function createProfiles(sqlite: Sqlite, hasGroup: (id: string) => boolean) {
  const get = sqlite.prepare<[string], ProfileRow>(
    `SELECT consent_version AS consentVersion, consent_at AS consentAt, display_name AS displayName, birth_year AS birthYear,
            gender, residential_group_id AS residentialGroupId, unit
       FROM learner_profiles WHERE learner_id = ?`,
  );
  const giveConsent = sqlite.prepare<[string, number, number, number]>(
    `INSERT INTO learner_profiles (learner_id, consent_version, consent_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(learner_id) DO UPDATE SET consent_version = excluded.consent_version, consent_at = excluded.consent_at, updated_at = excluded.updated_at`,
  );
  const withdraw = sqlite.prepare<[number, string]>(
    `UPDATE learner_profiles SET consent_version = NULL, consent_at = NULL, display_name = NULL, birth_year = NULL,
       gender = NULL, residential_group_id = NULL, unit = NULL, updated_at = ? WHERE learner_id = ?`,
  );
  const forgetProfileEvents = sqlite.prepare<[string]>("DELETE FROM events WHERE learner_id = ? AND type = 'profile.updated'");
  const update = sqlite.prepare<[string | null, number | null, string | null, string | null, string | null, number, string]>(
    `UPDATE learner_profiles SET display_name = ?, birth_year = ?, gender = ?, residential_group_id = ?, unit = ?, updated_at = ?
      WHERE learner_id = ? AND consent_version IS NOT NULL`,
  );

  const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });

  const hooks: RecordHooks<LearningEvent> = {
    check(event) {
      if (event.type !== 'profile.updated') return undefined;
      if (get.get(event.learnerId)?.consentVersion == null) {
        return reject(event.id, 'consent_required', 'Personal details are accepted only after the learner has consented');
      }
      const group = event.profile.residentialGroupId;
      if (group !== null && !hasGroup(group)) return reject(event.id, 'unknown_group', `There is no residential group "${group}" in this ward`);
      return undefined;
    },
    apply(event: LearningEvent, effectiveAt: number) {
      switch (event.type) {
        case 'consent.given':
          giveConsent.run(event.learnerId, event.noticeVersion, effectiveAt, effectiveAt);
          break;
        case 'consent.withdrawn':
          withdraw.run(effectiveAt, event.learnerId);
          forgetProfileEvents.run(event.learnerId);
          break;
        case 'profile.updated': {
          const p = event.profile;
          update.run(p.displayName, p.birthYear, p.gender, p.residentialGroupId, p.unit, effectiveAt, event.learnerId);
          break;
        }
      }
    },
  };

  return {
    hooks,
    /** The profile and consent as the learner sees them (null fields when withdrawn or never given). */
    read(learnerId: string): { profile: ProfileDetails | null; consent: { noticeVersion: number; givenAt: string } | null } {
      const row = get.get(learnerId);
      if (!row || row.consentVersion === null || row.consentAt === null) return { profile: null, consent: null };
      const { displayName, birthYear, gender, residentialGroupId, unit } = row;
      return {
        profile: { ...EMPTY_PROFILE, displayName, birthYear, gender, residentialGroupId, unit },
        consent: { noticeVersion: row.consentVersion, givenAt: new Date(row.consentAt).toISOString() },
      };
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
