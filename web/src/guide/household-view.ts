// What the household screen shows for one residential group: the households
// made on this phone merged with the server's list (members, and whether
// someone finished the five basic skills), and the learners the guide may
// link. Online, the server's answers are cached in the guide database's meta
// ("households:<groupId>", "rosters"); offline, the cached copies are shown
// with their date, so the screen keeps working without signal.
import type { HouseholdList, SessionSummary } from '../../../shared/guide/api.ts';
import type { GuideStore } from './guide-store.ts';
import { guideApi } from './guide-api.ts';
import { fetchOrCached } from './cached-fetch.ts';

export type HouseholdStatus = 'covered' | 'notCovered' | 'unsynced';

export interface HouseholdRow {
  id: string;
  label: string;
  status: HouseholdStatus;
  /** The server's member count (all links, from any phone), else the links made here. */
  members: number;
  /** Learners linked from this phone. */
  linkedHere: string[];
}

export interface Candidate {
  learnerId: string;
  kind: 'assisted' | 'self';
  /** Assisted: the name; self: null (residents are never named to guides). */
  name: string | null;
}

export interface HouseholdView {
  rows: HouseholdRow[];
  candidates: Candidate[];
  /** When the server's figures were fetched; null if never. */
  fetchedAt: string | null;
  /** True when this load reached the server. */
  isFresh: boolean;
}

export async function loadHouseholdView(guide: GuideStore, groupId: string): Promise<HouseholdView> {
  // Send queued households first, so the server's list includes them.
  await guide.syncNow().catch(() => undefined);
  const [local, assisted, server, rosters] = await Promise.all([
    guide.repo.listHouseholds(groupId),
    guide.repo.listAssisted(),
    fetchOrCached<HouseholdList>(guide, `households:${groupId}`, () => guideApi.households(groupId)),
    fetchOrCached<SessionSummary[]>(guide, 'rosters', async () => (await guideApi.sessions()).sessions),
  ]);
  const byId = new Map((server.value?.households ?? []).map((h) => [h.id, h]));
  const rows: HouseholdRow[] = (server.value?.households ?? []).map((h) => ({
    id: h.id,
    label: h.label,
    status: h.covered ? 'covered' : 'notCovered',
    members: h.members,
    linkedHere: local.find((l) => l.id === h.id)?.members ?? [],
  }));
  for (const l of local) {
    if (!byId.has(l.id)) rows.push({ id: l.id, label: l.label, status: 'unsynced', members: l.members.length, linkedHere: l.members });
  }
  rows.sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true }));

  const candidates: Candidate[] = assisted.filter((a) => a.groupId === groupId).map((a) => ({ learnerId: a.learnerId, kind: 'assisted' as const, name: a.name }));
  const seen = new Set(candidates.map((c) => c.learnerId));
  for (const s of rosters.value ?? []) {
    if (s.groupId !== groupId) continue;
    for (const a of s.attendees) {
      if (a.kind !== 'self' || seen.has(a.learnerId)) continue;
      seen.add(a.learnerId);
      candidates.push({ learnerId: a.learnerId, kind: 'self', name: null });
    }
  }
  return { rows, candidates, fetchedAt: server.at, isFresh: server.isFresh };
}
