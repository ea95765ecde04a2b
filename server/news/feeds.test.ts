// The feed builders with hostile text: markup, quotes, ampersands and the
// control characters XML 1.0 forbids still give a well-formed Atom document,
// valid JSON and an escaped snippet.
import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../shared/news/schema.ts';
import { childNamed, childrenNamed, parseXml } from '../../tests/support/xml-tree.ts';
import { atomFeed, htmlSnippet, jsonFeed } from './feeds.ts';

const ctx = { origin: 'https://hocvuso.example.vn', wardName: 'Phường "A" & <B>', updated: Date.parse('2025-06-01T03:00:00Z') };
const item: NewsItem = {
  id: '01900000-0000-7000-8000-000000000001',
  kind: 'support-policy',
  title: 'Hỗ trợ <doanh nghiệp> & "hộ kinh doanh"\u0001\u000b',
  summary: "Tóm tắt 'ngắn'",
  html: '<p>Liên hệ <strong>một cửa</strong> &amp; hỏi</p>',
  unitName: null,
  publishedAt: '2025-06-01T03:00:00.000Z',
  updatedAt: '2025-06-01T03:00:00.000Z',
  path: '/tin/01900000-0000-7000-8000-000000000001',
  photos: [{ src: `/api/v1/news/photos/${'a'.repeat(64)}`, thumb: `/api/v1/news/photos/${'b'.repeat(64)}`, alt: 'Chợ "không tiền mặt" & <quầy>', type: 'image/jpeg', bytes: 51234 }],
};

describe('news feeds', () => {
  it('write well-formed Atom with the required elements, whatever the text holds', () => {
    const feed = parseXml(atomFeed(ctx, [item]));
    expect(childNamed(feed, 'title').text).toBe('Tin phường — Phường "A" & <B>');
    const [entry] = childrenNamed(feed, 'entry');
    expect(childNamed(entry, 'title').text).toBe('Hỗ trợ <doanh nghiệp> & "hộ kinh doanh"');
    expect(childNamed(entry, 'content').text).toBe(item.html);
    expect(childNamed(entry, 'author').children[0].text).toBe(ctx.wardName);
    expect(childNamed(entry, 'id').text).toBe(`urn:uuid:${item.id}`);
    const enclosure = childrenNamed(entry, 'link').find((l) => l.attributes.rel === 'enclosure');
    expect(enclosure?.attributes).toMatchObject({ type: 'image/jpeg', length: '51234', href: `${ctx.origin}/api/v1/news/photos/${'a'.repeat(64)}`, title: item.photos[0].alt });
  });

  it('write a JSON Feed 1.1 and an HTML snippet with everything escaped', () => {
    const json = JSON.parse(JSON.stringify(jsonFeed(ctx, [item])));
    expect(json).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: item.id, url: `${ctx.origin}${item.path}`, content_html: item.html, image: `${ctx.origin}${item.photos[0].src}` }] });
    expect(json.items[0].attachments).toEqual([{ url: `${ctx.origin}${item.photos[0].src}`, mime_type: 'image/jpeg', size_in_bytes: 51234, title: item.photos[0].alt }]);
    const html = htmlSnippet(ctx, [item]);
    expect(html).not.toContain('<doanh');
    expect(html).toContain('&#60;doanh nghiệp&#62; &#38; &#34;hộ kinh doanh&#34;');
    expect(html).not.toMatch(/<script/i);
    expect(htmlSnippet(ctx, [])).toContain('Chưa có tin.');
  });
});
