// The ward portal's views of published news: an Atom 1.0 feed (RFC 4287), a
// JSON Feed 1.1 and an HTML snippet to embed (plain HTML and inline CSS, no
// script). Pure builders: items in, text out; every value escaped.
import type { StoryKind } from '../../shared/news/constants.ts';
import type { NewsItem } from '../../shared/news/schema.ts';

/** The kinds' names as the ward's own pages say them. */
export const KIND_LABELS: Record<StoryKind, string> = {
  'typical-model': 'Mô hình điển hình',
  'support-policy': 'Chính sách hỗ trợ, cơ hội cho doanh nghiệp',
  'plan-posted': 'Kế hoạch, chỉ đạo',
  announcement: 'Thông báo',
};

export interface FeedContext {
  origin: string;
  wardName: string;
  /** When anything published last changed (epoch ms; 0 when nothing ever was). */
  updated: number;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
// Characters XML 1.0 does not allow at all; Markdown text could carry them.
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

export const feedTitle = (ctx: FeedContext) => `Tin phường — ${ctx.wardName || 'Học vụ số'}`;
const itemUrl = (ctx: FeedContext, item: NewsItem) => `${ctx.origin}${item.path}`;

export function atomFeed(ctx: FeedContext, items: NewsItem[]): string {
  const x = (s: string) => escapeXml(xmlSafe(s));
  const entries = items.map((item) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${item.id}</id>`,
      `    <title>${x(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(itemUrl(ctx, item))}"/>`,
      `    <published>${item.publishedAt}</published>`,
      `    <updated>${item.updatedAt}</updated>`,
      `    <author><name>${x(item.unitName ?? (ctx.wardName || 'Học vụ số'))}</name></author>`,
      `    <category term="${item.kind}" label="${x(KIND_LABELS[item.kind])}"/>`,
      item.summary ? `    <summary>${x(item.summary)}</summary>` : '',
      ...item.photos.map((p) => `    <link rel="enclosure" type="${p.type}" length="${p.bytes}" title="${x(p.alt)}" href="${x(ctx.origin + p.src)}"/>`),
      `    <content type="html">${x(item.html)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${x(`${ctx.origin}/feeds/news.atom`)}</id>`,
    `  <title>${x(feedTitle(ctx))}</title>`,
    `  <updated>${new Date(ctx.updated).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(`${ctx.origin}/feeds/news.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${ctx.origin}/tin`)}"/>`,
    `  <author><name>${x(ctx.wardName || 'Học vụ số')}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(ctx: FeedContext, items: NewsItem[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(ctx),
    home_page_url: `${ctx.origin}/tin`,
    feed_url: `${ctx.origin}/feeds/news.json`,
    language: 'vi',
    items: items.map((item) => ({
      id: item.id,
      url: itemUrl(ctx, item),
      title: item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      content_html: item.html,
      ...(item.photos[0] ? { image: ctx.origin + item.photos[0].src } : {}),
      ...(item.photos.length ? { attachments: item.photos.map((p) => ({ url: ctx.origin + p.src, mime_type: p.type, size_in_bytes: p.bytes, title: p.alt })) } : {}),
      date_published: item.publishedAt,
      date_modified: item.updatedAt,
      authors: [{ name: item.unitName ?? (ctx.wardName || 'Học vụ số') }],
      tags: [KIND_LABELS[item.kind]],
    })),
  };
}

const vietnamDate = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

/** A page the portal shows in an iframe (or pastes in): the newest items as links. */
export function htmlSnippet(ctx: FeedContext, items: NewsItem[]): string {
  const rows = items
    .map(
      (item) =>
        `<li><a href="${escapeHtml(itemUrl(ctx, item))}" target="_blank" rel="noopener">${escapeHtml(item.title)}</a>` +
        `<div class="meta">${escapeHtml(KIND_LABELS[item.kind])} · ${vietnamDate(item.publishedAt)}</div>` +
        (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : '') +
        '</li>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(feedTitle(ctx))}</title>
<style>
body{font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#1a1a1a;margin:0;padding:.5rem;background:#fff}
h2{font-size:1.1rem;margin:0 0 .5rem}ul{list-style:none;margin:0;padding:0}
li{padding:.5rem 0;border-top:1px solid #d6dde4}a{color:#0b4f8a;font-weight:600}
.meta{color:#4a4a4a;font-size:.85rem}p{margin:.25rem 0 0}.all{margin-top:.5rem;display:block}
</style></head><body>
<h2>${escapeHtml(feedTitle(ctx))}</h2>
${items.length ? `<ul>\n${rows}\n</ul>` : '<p>Chưa có tin.</p>'}
<a class="all" href="${escapeHtml(`${ctx.origin}/tin`)}" target="_blank" rel="noopener">Xem tất cả tin</a>
</body></html>
`;
}
