// A published news item as an activity of a plan's outreach log: the form
// with the ward-portal sub-form, a content item that fits the item's kind,
// the item's link. The activity id comes from the item and the unit, so the
// same item logged twice (two taps, two phones of one unit) is one activity:
// the phone finds it already recorded, the server refuses a second one.
import type { Plan } from '../plans/schema.ts';
import { PORTAL_SUB_FORM, type StoryKind } from './constants.ts';

/** Content items of the sample plan (shared/plans/sample-plan.yaml) that fit each kind; else the plan's first item. */
export const STORY_CONTENT_ITEM: Record<StoryKind, string> = {
  'typical-model': '1.3',
  'support-policy': '1.4',
  'plan-posted': '1.1',
  announcement: '1.2',
};

/** A UUID made from the SHA-256 of item and unit (version 8, RFC 9562's custom layout). */
export async function storyActivityId(storyId: string, unitId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`news:${storyId}:${unitId}`)));
  const b = digest.slice(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface StoryForLog {
  title: string;
  kind: StoryKind;
  /** Vietnam day it was published, YYYY-MM-DD. */
  day: string;
  url: string;
}

/** The activity's fields, or null when no plan has a ward-portal post form. */
export function storyActivity(plans: Plan[], unitId: string, story: StoryForLog) {
  for (const plan of plans) {
    const form = plan.forms.find((f) => f.subForms.some((s) => s.id === PORTAL_SUB_FORM));
    if (!form || plan.contentItems.length === 0) continue;
    const wanted = STORY_CONTENT_ITEM[story.kind];
    const item = plan.contentItems.some((c) => c.code === wanted) ? wanted : plan.contentItems[0].code;
    return {
      unitId,
      planId: plan.id,
      startsOn: story.day,
      formCode: form.code,
      subFormId: PORTAL_SUB_FORM,
      contentItems: [item],
      title: story.title.slice(0, 300),
      place: form.subForms.find((s) => s.id === PORTAL_SUB_FORM)!.title,
      audiences: [],
      reach: {},
      links: [story.url],
    };
  }
  return null;
}
