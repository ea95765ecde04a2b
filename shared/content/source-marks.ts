// An author's note inside a lesson's source: "[chưa có địa chỉ bài]" /
// "[no article address yet]" says the article behind a bare domain is not on
// record yet (tools/courses/source-citations.ts counts them). It is for
// authors: residents read the source without it.
export const UNRESOLVED_MARK = { vi: '[chưa có địa chỉ bài]', en: '[no article address yet]' } as const;
export const UNRESOLVED = /\[(?:chưa có địa chỉ bài|no article address yet)\]/iu;

/** The source as residents read it: without the author's note. */
export const forResidents = (source: string) => source.replace(new RegExp(`\\s*${UNRESOLVED.source}`, 'giu'), '');
