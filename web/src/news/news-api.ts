// The ward's published news, as every screen asks for it: the residents'
// "Tin phường" and the studio's pickers (bulletins, cards, LED screens).
// Kept apart from the residents' store so office chunks take only this.
import type { NewsItem, NewsList } from '../../../shared/news/schema.ts';
import { request } from '../net/http.ts';

export const NEWS_PATH = '/api/v1/news';

/** The published items, newest first (the server's 30); throws like any request. */
export const fetchPublishedNews = (): Promise<NewsList> => request<NewsList>(NEWS_PATH);

/** One published item (a link to an item not in the list). */
export const fetchPublishedItem = (id: string): Promise<NewsItem> => request<NewsItem>(`${NEWS_PATH}/${encodeURIComponent(id)}`);
