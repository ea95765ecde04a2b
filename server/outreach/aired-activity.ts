// A bulletin's airing as a record of the unit's outreach log: form 2.4 with
// the sub-form of the bulletin's kind (tin, bài, chuyên mục), its minutes on
// air, the clusters and groups it went out over. The record's id and the
// activity's id come from the bulletin and the day, so however many taps
// (or officers of the unit) mark it, the log holds one activity.
import type { Bulletin } from '../../shared/outreach/bulletin-schedule.ts';
import { RADIO_SUB_FORM } from '../../shared/outreach/bulletin-schedule.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { uuidFromName } from './bulletins.ts';

/** The device id office-desk records carry (the sync envelope needs one). */
export const BULLETIN_DESK_DEVICE = 'office-bulletins';

export function airedActivity(plans: Plan[], b: Bulletin, day: string, minutes: number, place: string, by: { id: string; at: number }) {
  const subFormId = RADIO_SUB_FORM[b.kind];
  const plan = plans.find((p) => p.contentItems.length > 0 && p.forms.some((f) => f.subForms.some((s) => s.id === subFormId)));
  if (!plan) return null;
  const form = plan.forms.find((f) => f.subForms.some((s) => s.id === subFormId))!;
  // Nothing says which content item a bulletin carries: the plan's first, which the officer may correct in the log.
  return {
    id: uuidFromName(`bulletin-aired-record:${b.id}:${day}`),
    type: 'activity.recorded' as const,
    recordedBy: by.id,
    deviceId: BULLETIN_DESK_DEVICE,
    occurredAt: new Date(by.at).toISOString(),
    unitId: b.unitId,
    planId: plan.id,
    activityId: uuidFromName(`bulletin-aired:${b.id}:${day}`),
    startsOn: day,
    formCode: form.code,
    subFormId,
    contentItems: [plan.contentItems[0].code],
    title: b.title.slice(0, 300),
    place: place.slice(0, 300),
    audiences: [],
    reach: { minutesAired: minutes },
    links: [],
  };
}
