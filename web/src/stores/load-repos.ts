// Stores reach storage through this one lazy import: the first screen paints
// before Dexie has even downloaded.
import type { Repos } from '../db/index.ts';

let pending: Promise<Repos> | undefined;

export function loadRepos(): Promise<Repos> {
  pending ??= import('../db/index.ts').then((m) => m.openRepos());
  return pending;
}
