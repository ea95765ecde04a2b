// The resident's own data on this phone: optional profile fields, consent,
// deletion, restoring a recovered learner, switching between family members'
// profiles and their PINs. Consent rule: personal fields are written to the
// outbox (and so leave the phone) only while consent stands; every change and
// its event commit in one transaction, like lesson progress.
import { randomBytes, toBase64Url } from '../../../../shared/ids.ts';
import { newEvent, type LearnerEventBody } from '../../../../shared/events/new-event.ts';
import { CONSENT_PURPOSE, PRIVACY_NOTICE_VERSION } from '../../../../shared/privacy.ts';
import { EMPTY_PROFILE, type ProfileDetails } from '../../../../shared/resident/profile-constants.ts';
import type { LearningEvent } from '../../../../shared/events.ts';
import { mergeProgress, type ServerCompletion } from '../../../../shared/resident/merge-progress.ts';
import type { HvsDatabase, ProfileRow } from './database.ts';
import { newProfileRow } from './identity-repo.ts';
import { createOutboxRepo } from './outbox-repo.ts';

export interface Restored {
  learnerId: string;
  secret: string;
  profile: ProfileDetails | null;
  consent: { noticeVersion: number; givenAt: string } | null;
  completions: ServerCompletion[];
}

const PIN_ITERATIONS = 100_000;

async function hashPin(pin: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: PIN_ITERATIONS }, key, 256);
  return toBase64Url(new Uint8Array(bits));
}

export function createProfileRepo(db: HvsDatabase) {
  const outbox = createOutboxRepo(db);
  const deviceId = async () => (await db.meta.get('deviceId'))?.value as string;
  const activeId = async () => (await db.meta.get('activeLearnerId'))?.value as string | undefined;

  async function event<T extends LearningEvent['type']>(row: ProfileRow, body: Extract<LearnerEventBody, { type: T }>, at: number): Promise<void> {
    await outbox.enqueue(newEvent<T>({ learnerId: row.learnerId, deviceId: await deviceId() }, body, at), at);
  }
  const mustGet = async (learnerId: string) => {
    const row = await db.profiles.get(learnerId);
    if (!row || row.isDeleting) throw new Error('no such profile');
    return row;
  };
  const switchTo = (learnerId: string) => db.meta.put({ key: 'activeLearnerId', value: learnerId });

  return {
    activeId,
    /** Profiles people can switch to (deleting ones are hidden). */
    list: async () => (await db.profiles.toArray()).filter((p) => !p.isDeleting).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    get: (learnerId: string) => db.profiles.get(learnerId),

    /** Saves the fields on the phone; queues them for the ward only if consent stands. */
    saveDetails: (learnerId: string, details: ProfileDetails, now = Date.now()) =>
      db.transaction('rw', db.profiles, db.outbox, db.meta, async () => {
        const row = await mustGet(learnerId);
        await db.profiles.update(learnerId, { details });
        if (row.consent) await event(row, { type: 'profile.updated', profile: details }, now);
      }),

    /** Consent to the current notice, then the details (ordered: the server checks consent first). */
    giveConsent: (learnerId: string, details: ProfileDetails, now = Date.now()) =>
      db.transaction('rw', db.profiles, db.outbox, db.meta, async () => {
        const row = await mustGet(learnerId);
        const consent = { noticeVersion: PRIVACY_NOTICE_VERSION, givenAt: new Date(now).toISOString() };
        await db.profiles.update(learnerId, { consent, details });
        await event(row, { type: 'consent.given', noticeVersion: PRIVACY_NOTICE_VERSION, purpose: CONSENT_PURPOSE }, now);
        await event(row, { type: 'profile.updated', profile: details }, now + 1);
      }),

    /**
     * Withdraws consent. Details not yet sent never leave the phone; if
     * nothing was sent at all, there is nothing to tell the server either.
     */
    withdrawConsent: (learnerId: string, now = Date.now()) =>
      db.transaction('rw', db.profiles, db.outbox, db.meta, async () => {
        const row = await mustGet(learnerId);
        const unsent = await db.outbox.where('learnerId').equals(learnerId).filter((r) => r.state === 'pending' && (r.event.type === 'profile.updated' || r.event.type === 'consent.given')).toArray();
        const consentUnsent = unsent.some((r) => r.event.type === 'consent.given');
        await db.outbox.bulkDelete(unsent.map((r) => r.id));
        await db.profiles.update(learnerId, { consent: null });
        if (!consentUnsent && row.consent) await event(row, { type: 'consent.withdrawn', noticeVersion: row.consent.noticeVersion }, now);
      }),

    /**
     * Deletes a profile. Its progress, certificates and unsent events go at
     * once; if the server knows the learner, a deletion request is queued and
     * the bare identity is kept only until the server confirms it.
     */
    requestDeletion: (learnerId: string, now = Date.now()) =>
      db.transaction('rw', db.profiles, db.outbox, db.meta, db.progress, db.certificates, async () => {
        const row = await mustGet(learnerId);
        await db.progress.where('learnerId').equals(learnerId).delete();
        await db.certificates.where('learnerId').equals(learnerId).delete();
        await db.outbox.where('learnerId').equals(learnerId).delete();
        if (row.registered) {
          await db.profiles.put({ ...row, details: { ...EMPTY_PROFILE }, consent: null, pin: null, isDeleting: true });
          await event(row, { type: 'learner.deletion-requested' }, now);
        } else {
          await db.profiles.delete(learnerId);
        }
        if ((await activeId()) === learnerId) await db.meta.delete('activeLearnerId');
      }),

    /**
     * A new profile for another family member, named so everyone can see who
     * is learning; it becomes the active one. The name stays on the phone
     * (like any detail given without consent).
     */
    create: (displayName: string | null = null) =>
      db.transaction('rw', db.profiles, db.meta, async () => {
        const blank = newProfileRow(new Date());
        const row = { ...blank, details: { ...blank.details, displayName } };
        await db.profiles.add(row);
        await switchTo(row.learnerId);
        return row;
      }),

    switchTo: async (learnerId: string) => {
      await mustGet(learnerId);
      await switchTo(learnerId);
    },

    /**
     * Adds (or updates) a learner recovered with a code and makes it active.
     * Progress already on the phone for that learner is merged, never lost.
     * An untouched first profile (no learning, no details) is dropped so the
     * phone does not keep an empty stranger.
     */
    restore: (r: Restored, now = new Date()) =>
      db.transaction('rw', [db.profiles, db.meta, db.progress, db.outbox], async () => {
        const previous = await activeId();
        const existing = await db.profiles.get(r.learnerId);
        const row: ProfileRow = {
          ...(existing ?? newProfileRow(now, r.learnerId, r.secret)),
          secret: r.secret,
          registered: true,
          isDeleting: false,
          details: r.profile ?? existing?.details ?? { ...EMPTY_PROFILE },
          consent: r.consent ?? null,
        };
        await db.profiles.put(row);
        const local = await db.progress.where('learnerId').equals(r.learnerId).toArray();
        await db.progress.bulkPut(mergeProgress(r.learnerId, local, r.completions));
        await switchTo(r.learnerId);
        if (previous && previous !== r.learnerId) {
          const old = await db.profiles.get(previous);
          const untouched =
            old && !old.registered && Object.values(old.details).every((v) => v === null) &&
            (await db.progress.where('learnerId').equals(previous).count()) === 0 &&
            (await db.outbox.where('learnerId').equals(previous).count()) === 0;
          if (untouched) await db.profiles.delete(previous);
        }
      }),

    setPin: async (learnerId: string, pin: string | null) => {
      if (pin === null) return void (await db.profiles.update(learnerId, { pin: null }));
      if (!/^\d{4}$/.test(pin)) throw new RangeError('PIN must be 4 digits');
      const salt = toBase64Url(randomBytes(16));
      await db.profiles.update(learnerId, { pin: { salt, hash: await hashPin(pin, salt) } });
    },
    checkPin: async (learnerId: string, pin: string) => {
      const row = await db.profiles.get(learnerId);
      if (!row?.pin) return true;
      return (await hashPin(pin, row.pin.salt)) === row.pin.hash;
    },
  };
}

export type ProfileRepo = ReturnType<typeof createProfileRepo>;
