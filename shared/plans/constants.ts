// Plan and unit patterns without zod, so phone code (the unit officer's
// form) checks what the server's schemas check.
export const UNIT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const ITEM_CODE_PATTERN = /^\d{1,2}(?:\.\d{1,2}){0,3}$/;
export const SUB_FORM_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Who an activity reached, as the plan's audiences name them. */
export const AUDIENCES = ['civil-servants', 'party-members', 'union-members', 'businesses', 'residents', 'young-people'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What can be counted of an activity's reach, where it is known. */
export const REACH_MEASURES = ['participants', 'views', 'minutesAired', 'copies', 'screenHours'] as const;
export type ReachMeasure = (typeof REACH_MEASURES)[number];

/** A plan's id: the sample's fixed name, or a UUID made when a plan is added. */
export const PLAN_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
