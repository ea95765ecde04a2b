// A screen's time on, from its heartbeats: the stretch between two heartbeats
// counts when they are no further apart than a live screen's (the office's
// "live" rule); a longer silence means the screen was off or cut off, and
// counts nothing. A stretch across midnight is split between the two days.
import { DISPLAY_LIVE_MS } from '../../shared/displays/constants.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The time on between a screen's previous heartbeat and this one, per Vietnam day. */
export function onTimeByDay(previous: number | null, at: number): Array<[day: string, ms: number]> {
  if (previous === null || at <= previous || at - previous > DISPLAY_LIVE_MS) return [];
  const out: Array<[string, number]> = [];
  let start = previous;
  while (start < at) {
    const nextMidnight = Math.floor((start + VN_OFFSET_MS) / DAY_MS + 1) * DAY_MS - VN_OFFSET_MS;
    const end = Math.min(at, nextMidnight);
    out.push([vietnamDay(start), end - start]);
    start = end;
  }
  return out;
}
