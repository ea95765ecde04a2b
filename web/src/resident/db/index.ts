// Entry point of the storage layer, loaded on demand by the stores so that
// Dexie is not part of the first screen's JavaScript.
import { getDatabase } from './database.ts';
import { createIdentityRepo } from './identity-repo.ts';
import { createOutboxRepo } from './outbox-repo.ts';
import { createProgressRepo } from './progress-repo.ts';
import { createProfileRepo } from './profile-repo.ts';
import { createCertificateRepo } from './certificate-repo.ts';

export type { ProgressRow, ProfileRow, CertificateRow } from './database.ts';
export type { ProfileRepo, Restored } from './profile-repo.ts';
export type { CertificateRepo } from './certificate-repo.ts';
export type { Identity, IdentityRepo } from './identity-repo.ts';
export type { OutboxRepo } from './outbox-repo.ts';
export type { ProgressRepo, Completion, LessonRef } from './progress-repo.ts';

export interface Repos {
  identity: ReturnType<typeof createIdentityRepo>;
  outbox: ReturnType<typeof createOutboxRepo>;
  progress: ReturnType<typeof createProgressRepo>;
  profiles: ReturnType<typeof createProfileRepo>;
  certificates: ReturnType<typeof createCertificateRepo>;
}

let repos: Repos | undefined;

export function openRepos(): Repos {
  const db = getDatabase();
  repos ??= { identity: createIdentityRepo(db), outbox: createOutboxRepo(db), progress: createProgressRepo(db), profiles: createProfileRepo(db), certificates: createCertificateRepo(db) };
  return repos;
}
