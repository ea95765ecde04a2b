// Names for the ids in audit entries, looked up when the log is read: the
// log keeps ids (a session's title or a group's name may change, and the log
// never rewrites itself), the admin reads names. One query per kind per page.
import { inArray } from 'drizzle-orm';
import type { AuditEntry, AuditNames } from '../../shared/audit.ts';
import type { Engine } from '../db/engine/engine.ts';
import { guideSessions, residentialGroups } from '../db/schema/index.ts';
import type { Catalog } from '../resident/catalog.ts';

const idOf = (entry: AuditEntry, type: string, detailKey: string): string | undefined => {
  if (entry.target?.type === type && entry.target.id) return entry.target.id;
  const value = entry.details[detailKey];
  return typeof value === 'string' && value ? value : undefined;
};

export function createAuditNames(engine: Engine, catalog: Catalog) {
  return async (entries: AuditEntry[]): Promise<AuditEntry[]> => {
    const sessionIds = [...new Set(entries.map((e) => idOf(e, 'session', 'sessionId')).filter((id) => id !== undefined))];
    const groupIds = [...new Set(entries.map((e) => idOf(e, 'group', 'groupId')).filter((id) => id !== undefined))];
    const sessions = new Map(
      (sessionIds.length ? await engine.db.select().from(guideSessions).where(inArray(guideSessions.id, sessionIds)) : []).map((s) => [
        s.id,
        { title: s.title, startsAt: new Date(s.startsAt).toISOString(), code: s.code },
      ]),
    );
    const groups = new Map(
      (groupIds.length ? await engine.db.select({ id: residentialGroups.id, name: residentialGroups.name }).from(residentialGroups).where(inArray(residentialGroups.id, groupIds)) : []).map(
        (g) => [g.id, g.name],
      ),
    );
    return entries.map((entry) => {
      const names: AuditNames = {};
      const session = sessions.get(idOf(entry, 'session', 'sessionId') ?? '');
      if (session) names.session = session;
      const group = groups.get(idOf(entry, 'group', 'groupId') ?? '');
      if (group) names.group = group;
      const courseId = entry.details.courseId;
      const course = typeof courseId === 'string' ? catalog.title(courseId) : null;
      if (course) names.course = course;
      return Object.keys(names).length ? { ...entry, names } : entry;
    });
  };
}
