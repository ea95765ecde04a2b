// A poster is about the app, one course or one published ward story: the QR
// goes to that page and the heading names it; a story taken down falls back
// to the app rather than printing a dead link.
import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../../shared/news/schema.ts';
import { posterTarget, storyChoice } from './poster-target.ts';

const story = { id: 's1', title: 'Chợ Hòa Bình không dùng tiền mặt', path: '/tin/s1' } as NewsItem;
const courses = (id: string) => (id === 'vneid' ? 'Định danh điện tử VNeID' : undefined);

describe('what a poster points at', () => {
  it('a published story: its page and its title', () => {
    expect(posterTarget('https://hvs.example.vn/', storyChoice('s1'), courses, [story])).toEqual({ url: 'https://hvs.example.vn/tin/s1', heading: 'Chợ Hòa Bình không dùng tiền mặt', kind: 'story' });
  });
  it('a course, or the app', () => {
    expect(posterTarget('https://hvs.example.vn', 'vneid', courses, [])).toEqual({ url: 'https://hvs.example.vn/courses/vneid', heading: 'Định danh điện tử VNeID', kind: 'course' });
    expect(posterTarget('https://hvs.example.vn', '', courses, [])).toEqual({ url: 'https://hvs.example.vn/', kind: 'app' });
  });
  it('a story no longer published falls back to the app', () => {
    expect(posterTarget('https://hvs.example.vn', storyChoice('gone'), courses, [story])).toEqual({ url: 'https://hvs.example.vn/', kind: 'app' });
  });
});
