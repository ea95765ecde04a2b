// Ward news ("Tin phường") without zod, so the staff editor and the resident
// screen check and label what the server's schemas check.
export const STORY_KINDS = ['typical-model', 'support-policy', 'plan-posted', 'announcement'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

/** draft → submitted → approved → published; a published story can be unpublished (and published again). */
export const STORY_STATUSES = ['draft', 'submitted', 'approved', 'published', 'unpublished'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STORY_LIMITS = { title: 150, summary: 300, body: 20_000, photos: 6, alt: 200 } as const;

/** The resident's screen and an item's page; feeds and shares link here. */
export const NEWS_PATH = '/tin';
export const newsItemPath = (id: string) => `${NEWS_PATH}/${id}`;

/** How many published items the resident list, the feeds and the snippet carry. */
export const NEWS_LIST_LIMIT = 30;

/** The plan sub-form an item published on the ward portal is logged under (sample plan, form 2.1). */
export const PORTAL_SUB_FORM = 'portal-article';

/** A story photo is redrawn by the staff browser at most this many pixels on its longest side (feeds, the full view)... */
export const STORY_PHOTO_MAX_PX = 1600;
/** ...and once more at most this wide for phones: about 40 KB, kept offline with the item. */
export const STORY_THUMB_MAX_PX = 720;
/** Where anyone reads a published item's photo; staff read their stories' photos at STORY_PHOTO_PATH. */
export const newsPhotoPath = (sha256: string) => `/api/v1/news/photos/${sha256}`;
export const storyPhotoPath = (sha256: string) => `/api/v1/story-photos/${sha256}`;
