// An item the studio published on a channel (a card posted, a screen's slide
// loop, posters printed) as a record of the unit's outreach log, built like a
// bulletin's airing (aired-activity.ts): the first plan with the channel's
// sub-form, the item's link, its count as the reach. The record's id and the
// activity's id come from unit, channel, sub-form, item and first day, so
// however many taps (or officers of the unit) log it, the log holds one.
import type { OutreachLogEntry } from '../../shared/outreach/outreach-log.ts';
import { POSTER_SUB_FORM, SCREEN_SUB_FORM } from '../../shared/outreach/outreach-log.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { uuidFromName } from './bulletins.ts';

/** The device id office-studio records carry (the sync envelope needs one). */
export const STUDIO_DESK_DEVICE = 'office-studio';

const subFormOf = (e: OutreachLogEntry) => (e.channel === 'card' ? e.subFormId : e.channel === 'screen' ? SCREEN_SUB_FORM : POSTER_SUB_FORM);

function reachOf(e: OutreachLogEntry) {
  if (e.channel === 'screen') return { screenHours: e.screenHours };
  if (e.channel === 'poster') return { copies: e.copies };
  return e.views === undefined ? {} : { views: e.views };
}

export function publishedActivity(plans: Plan[], unitId: string, e: OutreachLogEntry, by: { id: string; at: number }) {
  const subFormId = subFormOf(e);
  const plan = plans.find((p) => p.contentItems.length > 0 && p.forms.some((f) => f.subForms.some((s) => s.id === subFormId)));
  if (!plan) return null;
  const form = plan.forms.find((f) => f.subForms.some((s) => s.id === subFormId))!;
  const item = e.contentItem && plan.contentItems.some((c) => c.code === e.contentItem) ? e.contentItem : plan.contentItems[0].code;
  const key = `${unitId}:${e.channel}:${subFormId}:${e.source}:${e.startsOn}`;
  return {
    id: uuidFromName(`studio-logged-record:${key}`),
    type: 'activity.recorded' as const,
    recordedBy: by.id,
    deviceId: STUDIO_DESK_DEVICE,
    occurredAt: new Date(by.at).toISOString(),
    unitId,
    planId: plan.id,
    activityId: uuidFromName(`studio-logged:${key}`),
    startsOn: e.startsOn,
    ...(e.channel === 'screen' && e.endsOn ? { endsOn: e.endsOn } : {}),
    formCode: form.code,
    subFormId,
    contentItems: [item],
    title: e.title,
    place: form.subForms.find((s) => s.id === subFormId)!.title.slice(0, 300),
    audiences: [],
    reach: reachOf(e),
    links: e.channel === 'card' && e.postLink && e.postLink !== e.link ? [e.link, e.postLink] : [e.link],
  };
}
