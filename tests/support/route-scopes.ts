// What an allowed role's answer may hold, for routes whose answer depends on
// who asks (the rights test checks it after the success shape): a problem in
// words, or null.
import type { Tracker } from '../../shared/units/api.ts';
import type { Role, World } from './fuzz-world.ts';

export type Scope = (answer: unknown, role: Role, w: World) => string | null;

/** The unit each officer role is bound to (fuzz-world.ts). */
const OWN_UNIT: Partial<Record<Role, keyof World['activities']>> = { unit: 'ttsnc', otherUnit: 'kt-ht-dt' };

/** Activities per content item of the given units, from the world's records. */
function perItem(w: World, units: Array<keyof World['activities']>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) for (const a of w.activities[u]) for (const code of a.contentItems) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** The office sees every unit and the ward's figures; a unit officer their own unit's row, tasks, targets and
 * content-item counts only, and no ward-wide figure (the movement's guide sessions). */
export const trackerScope: Scope = (answer, role, w) => {
  const tr = answer as Tracker;
  const own = OWN_UNIT[role];
  const shown = own ? [own] : (Object.keys(w.activities) as Array<keyof World['activities']>);
  const items = perItem(w, shown);
  const wrongItem = tr.contentItems.find((c) => c.activities !== (items.get(c.code) ?? 0));
  if (wrongItem) return `content item ${wrongItem.code} counts ${wrongItem.activities} activities, not ${items.get(wrongItem.code) ?? 0} of ${shown.join(', ')}`;
  if (!own) {
    const missing = shown.filter((u) => !tr.units.some((row) => row.id === u));
    if (missing.length) return `the office's tracker leaves out ${missing.join(', ')}`;
    if (tr.guideSessions === null) return "the office's tracker leaves out the movement's guide sessions";
    return null;
  }
  const ids = tr.units.map((u) => u.id);
  if (ids.length !== 1 || ids[0] !== own) return `an officer of ${own} sees the units ${ids.join(', ')}`;
  if (tr.units[0].total !== w.activities[own].length) return `an officer of ${own} sees ${tr.units[0].total} activities, not their unit's ${w.activities[own].length}`;
  if (tr.tasks.length === 0) return `an officer of ${own} sees none of their unit's tasks`;
  const others = [...tr.tasks.map((t) => t.unitId), ...tr.targets.map((t) => t.unitId)].filter((u) => u !== own);
  if (others.length) return `an officer of ${own} sees tasks or targets of ${[...new Set(others)].join(', ')}`;
  if (tr.guideSessions !== null) return `an officer of ${own} sees the ward's ${tr.guideSessions.sessions} guide sessions`;
  return null;
};
