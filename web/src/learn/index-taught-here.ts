// The course index as the staff screens that pick from it (bulletins,
// posters, the studio's cards) should see it: only the courses taught where
// the page runs, by the same rule as the residents' phones
// (shared/content/local-courses.ts). The built index lists every locality's
// local courses; a ward's bulletin must not offer another locality's hotline.
import type { ContentIndex } from '../../../shared/content/schema.ts';
import { coursesIn } from '../../../shared/content/local-courses.ts';
import { getApiClient, type ApiClient } from '../net/api.ts';
import { currentLocality } from '../net/api-base.ts';

export async function fetchIndexTaughtHere(api: Pick<ApiClient, 'fetchContentIndex'> = getApiClient(), locality: string | null = currentLocality()): Promise<ContentIndex> {
  const index = await api.fetchContentIndex();
  return { ...index, courses: coursesIn(index.courses, locality) };
}
