// The news desk's calls (staff cookie session): stories and their steps.
import type { StoryStatus } from '../../../../shared/news/constants.ts';
import type { Story, StoryInput } from '../../../../shared/news/schema.ts';
import type { Unit } from '../../../../shared/plans/schema.ts';
import { staffRequest as request, withQuery } from '../../net/http.ts';

export type StoryStep = 'submit' | 'approve' | 'publish' | 'unpublish';

export const newsDeskApi = {
  list: (status?: StoryStatus) => request<{ stories: Story[] }>(withQuery('/api/v1/stories', { status })).then((r) => r.stories),
  create: (input: StoryInput) => request<Story>('/api/v1/stories', { method: 'POST', json: input }),
  update: (id: string, input: StoryInput) => request<Story>(`/api/v1/stories/${id}`, { method: 'PUT', json: input }),
  step: (id: string, step: StoryStep) => request<Story>(`/api/v1/stories/${id}/${step}`, { method: 'POST' }),
  units: () => request<{ units: Unit[] }>('/api/v1/units').then((r) => r.units),
};
