// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CompiledLesson } from '../../../../shared/content/schema.ts';
import '../strings.ts';
import { groupFigureCard, htmlToText, lessonCard, storyCard } from './card-sources.ts';

const lesson: CompiledLesson = {
  id: 'touch-gestures',
  title: 'Chạm và vuốt',
  goal: '',
  minutes: 5,
  intro: '<p>Giới thiệu.</p>',
  steps: [{ title: 'Chạm', html: '<p>Chạm nhẹ.</p>' }, { title: 'Vuốt', html: '<p>Vuốt lên.</p>' }],
  remember: '<ul><li>Chạm nhẹ để mở.</li><li>Vuốt để cuộn &amp; xem.</li></ul>',
  quiz: [],
  sources: [],
};

describe('what a card says', () => {
  it('turns safe HTML into one line per block, entities decoded', () => {
    expect(htmlToText(lesson.remember)).toBe('Chạm nhẹ để mở.\nVuốt để cuộn & xem.');
  });

  it('a lesson card: steps numbered, the remember box, a QR and a post with the lesson\'s address', () => {
    const c = lessonCard('Phường Kiến An', 'https://hvs.example.vn/', 'device-basics', 'Làm quen', lesson);
    expect(c.spec.points).toEqual(['Chạm', 'Vuốt']);
    expect(c.spec.remember?.text).toBe('Chạm nhẹ để mở. Vuốt để cuộn & xem.');
    expect(c.spec.qr?.url).toBe('https://hvs.example.vn/courses/device-basics/lessons/touch-gestures');
    expect(c.alt).toContain('1. Chạm. 2. Vuốt');
    expect(c.alt).toContain('Ghi nhớ: Chạm nhẹ để mở');
    expect(c.post).toContain('1. Chạm\n2. Vuốt');
    expect(c.post.trim().endsWith('https://hvs.example.vn/courses/device-basics/lessons/touch-gestures')).toBe(true);
  });

  it('a figure card says the day and the group, with the share as a whole percent', () => {
    const c = groupFigureCard('Phường Kiến An', 'https://hvs.example.vn', { kind: 'households', groupName: 'Tổ dân phố 5', share: 0.62 }, '2026-12-05');
    expect(c.spec.big?.text).toBe('62%');
    expect(c.post).toContain('Tính đến ngày 5/12/2026: 62% hộ gia đình của Tổ dân phố 5');
    expect(c.spec.qr?.url).toBe('https://hvs.example.vn/');
  });

  it('a story card links to the item\'s page and falls back to the body\'s first paragraph', () => {
    const c = storyCard('Phường Kiến An', 'https://hvs.example.vn', { id: 'x1', kind: 'announcement', title: 'Lịch học', summary: '', html: '<p>Thứ bảy, nhà văn hóa.</p><p>Mang điện thoại.</p>', unitName: null, publishedAt: '', updatedAt: '', path: '/tin/x1', photos: [] });
    expect(c.spec.eyebrow).toBe('Thông báo');
    expect(c.spec.points).toEqual(['Thứ bảy, nhà văn hóa.']);
    expect(c.post).toContain('https://hvs.example.vn/tin/x1');
  });
});

describe('a slogan card', () => {
  it('says the slogan with a QR to the app, and names it for the outreach log', async () => {
    const { sloganCard } = await import('./card-sources.ts');
    const c = sloganCard('Phường Kiến An', 'https://hvs.example.vn/', 'Cả phường cùng học kỹ năng số');
    expect(c.spec.title).toBe('Cả phường cùng học kỹ năng số');
    expect(c.spec.qr?.url).toBe('https://hvs.example.vn/');
    expect(c.alt).toContain('Cả phường cùng học kỹ năng số');
    expect(c.post).toContain('https://hvs.example.vn/');
    expect(c.item).toEqual({ source: 'slogan:Cả phường cùng học kỹ năng số', title: 'Cả phường cùng học kỹ năng số', link: 'https://hvs.example.vn/' });
  });
});
