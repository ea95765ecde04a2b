// The resident's own things: profile and consent, certificates, moving to a
// new phone, data rights and family profiles. Loaded only with the screens
// that use it (never with the home screen's first download). Components call
// these functions; storage goes through the repos, the network through api.ts.
import { createSignal } from 'solid-js';
import type { ContentIndexCourse } from '../../../shared/content/schema.ts';
import type { ProfileDetails } from '../../../shared/events/resident.ts';
import { doneLessonsOf, earnedCertificates } from '../../../shared/resident/certificates.ts';
import { newSecret } from '../../../shared/ids.ts';
import type { ProfileRow, ProgressRow } from './db/index.ts';
import { getApiClient } from '../net/api.ts';
import { HttpError } from '../net/http.ts';
import { loadRepos } from '../app/load-repos.ts';
import { loadWardProfile } from './ward-profile-cache.ts';

const api = () => getApiClient();
const creds = async () => {
  const me = await (await loadRepos()).identity.getIdentity();
  return { me, c: { learnerId: me.learnerId, secret: me.secret } };
};

/** The server must know the learner before it can answer about them (first phone, nothing synced yet). */
async function ensureRegistered() {
  const repos = await loadRepos();
  const { me, c } = await creds();
  if (!me.registered) {
    await api().registerLearner(c);
    await repos.identity.setRegistered(true);
  }
  return c;
}

export function createResidentStore() {
  const [active, setActive] = createSignal<ProfileRow | null>(null);
  const [profiles, setProfiles] = createSignal<ProfileRow[]>([]);

  async function reload() {
    const repos = await loadRepos();
    const me = await repos.identity.getIdentity();
    setActive((await repos.profiles.get(me.learnerId)) ?? null);
    setProfiles(await repos.profiles.list());
  }
  const ready = reload();

  return {
    ready,
    reload,
    active,
    profiles,
    async saveDetails(details: ProfileDetails) {
      const repos = await loadRepos();
      await repos.profiles.saveDetails(active()!.learnerId, details);
      await reload();
    },
    async giveConsent(details: ProfileDetails) {
      const repos = await loadRepos();
      await repos.profiles.giveConsent(active()!.learnerId, details);
      await reload();
    },
    async withdrawConsent() {
      const repos = await loadRepos();
      await repos.profiles.withdrawConsent(active()!.learnerId);
      await reload();
    },
    /** Deletes the active profile; returns its id, to follow the ward's confirmation with `isErased`. */
    async requestDeletion() {
      const repos = await loadRepos();
      const learnerId = active()!.learnerId;
      await repos.profiles.requestDeletion(learnerId);
      await repos.identity.getIdentity(); // a fresh anonymous profile takes over
      await reload();
      return learnerId;
    },
    /** The phone keeps a deleted learner's bare identity until the ward has confirmed the erasure. */
    async isErased(learnerId: string) {
      return (await (await loadRepos()).profiles.get(learnerId)) === undefined;
    },
    /** The ward's public profile (name, residential groups); the last copy when offline, null if never fetched. */
    wardProfile: () => loadWardProfile(() => api().wardProfile()),
    async myData() {
      const { me, c } = await creds();
      if (!me.registered) return null;
      return api().myData(c);
    },
    async createRecoveryCode() {
      return api().createRecoveryCode(await ensureRegistered());
    },
    async redeem(code: string) {
      const secret = newSecret();
      const r = await api().redeemRecoveryCode(code, secret);
      const repos = await loadRepos();
      await repos.profiles.restore({ ...r, secret });
      await reload();
    },
    async createProfile(displayName: string) {
      await (await loadRepos()).profiles.create(displayName);
    },
    async switchTo(learnerId: string, pin?: string) {
      const repos = await loadRepos();
      if (!(await repos.profiles.checkPin(learnerId, pin ?? ''))) return false;
      await repos.profiles.switchTo(learnerId);
      return true;
    },
    async setPin(pin: string | null) {
      await (await loadRepos()).profiles.setPin(active()!.learnerId, pin);
      await reload();
    },
  };
}

export type ResidentStore = ReturnType<typeof createResidentStore>;

/**
 * Certificates of the active learner: records the ones earned on the phone,
 * then (when online and every completion has reached the server) asks the
 * server to confirm the waiting ones. A 422 means "not yet": the completions
 * are still on their way, or (`under_review`) the ward is checking them. The
 * standing of the issued ones is asked again, so the phone shows what /verify
 * shows (a certificate under review, or withdrawn, is not valid).
 */
export async function settleCertificates(courses: readonly ContentIndexCourse[], rows: readonly ProgressRow[], canClaim: boolean) {
  const repos = await loadRepos();
  const me = await repos.identity.getIdentity();
  const done = doneLessonsOf(rows.filter((r) => r.status === 'completed'));
  await repos.certificates.markEarned(me.learnerId, earnedCertificates(courses, done));
  if (canClaim) {
    const rows = await repos.certificates.list(me.learnerId);
    for (const row of rows) {
      if (row.code) continue;
      try {
        const c = await ensureRegistered();
        await repos.certificates.setIssued(me.learnerId, await api().claimCertificate(c, row.courseId));
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 422)) break;
        if (err.code === 'under_review') await repos.certificates.setUnderReview(me.learnerId, row.courseId);
      }
    }
    if (rows.some((r) => r.code)) {
      try {
        for (const cert of (await api().listCertificates((await creds()).c)).certificates) await repos.certificates.setIssued(me.learnerId, cert);
      } catch {
        // Offline: the standing last heard stays.
      }
    }
  }
  return repos.certificates.list(me.learnerId);
}
