// What goes on a card, from a lesson, a live figure or a published story:
// the picture's content, its alt text and the post's text with the link.
// Words come from the studio's strings, in the screen's language.
import type { CompiledLesson } from '../../../../shared/content/schema.ts';
import type { NewsItem } from '../../../../shared/news/schema.ts';
import { percentText, type GroupFigure, type WardProgress } from '../../../../shared/outreach/card-figures.ts';
import { t } from '../../i18n/index.ts';
import { STORY_CONTENT_ITEM } from '../../../../shared/news/outreach.ts';
import type { PublishedItem } from '../outreach-log/log-api.ts';
import type { CardSpec } from './card-draw.ts';

export interface Card {
  spec: CardSpec;
  alt: string;
  post: string;
  /** What the card is, for the outreach log: its source, title and link. */
  item: PublishedItem;
}

/** Safe HTML (built by the content compiler or the news renderer) as plain text, one line per block. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const block of doc.querySelectorAll('p, li, h1, h2, h3, h4, blockquote')) block.append('\n');
  return (doc.body.textContent ?? '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

const base = (origin: string) => origin.replace(/\/+$/, '');
const shownUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
const footer = () => t('studio.card.footer');

/** "5/12/2026" (vi) or "5 December 2026"-style (en), from a calendar day. */
export const dayText = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return t('studio.card.day', { d, m, y });
};

function altOf(spec: CardSpec): string {
  const parts = [spec.ward, spec.eyebrow, spec.title];
  if (spec.big) parts.push(`${spec.big.text} ${spec.big.caption}`);
  parts.push(...spec.points.map((p, i) => (spec.numbered ? `${i + 1}. ${p}` : p)));
  if (spec.remember) parts.push(`${spec.remember.label}: ${spec.remember.text}`);
  if (spec.qr) parts.push(t('studio.card.altQr', { url: shownUrl(spec.qr.url) }));
  return parts.map((p) => p.trim().replace(/[.:]$/, '')).filter(Boolean).join('. ') + '.';
}

const card = (spec: CardSpec, post: string[], item: Omit<PublishedItem, 'title'>): Card => ({
  spec,
  alt: altOf(spec),
  post: post.filter(Boolean).join('\n\n'),
  item: { ...item, title: spec.title.slice(0, 300) },
});

export function lessonCard(ward: string, origin: string, courseId: string, courseTitle: string, lesson: CompiledLesson): Card {
  const url = `${base(origin)}/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lesson.id)}`;
  const steps = lesson.steps.map((s) => s.title);
  const remember = htmlToText(lesson.remember).replace(/\n/g, ' ');
  const spec: CardSpec = {
    ward,
    eyebrow: t('studio.card.lessonEyebrow', { course: courseTitle }),
    title: lesson.title,
    points: steps,
    numbered: true,
    remember: { label: t('studio.card.remember'), text: remember },
    qr: { url, label: t('studio.card.scanLesson'), shown: shownUrl(url) },
    footer: footer(),
  };
  return card(spec, [lesson.title, steps.map((s, i) => `${i + 1}. ${s}`).join('\n'), `${t('studio.card.remember')}: ${remember}`, t('studio.card.postLesson', { url })], { source: `lesson:${courseId}/${lesson.id}`, link: url });
}

export function groupFigureCard(ward: string, origin: string, fig: GroupFigure, asOf: string): Card {
  const url = `${base(origin)}/`;
  const caption = t(fig.kind === 'households' ? 'studio.card.groupHouseholds' : 'studio.card.groupCompleted', { group: fig.groupName });
  const spec: CardSpec = {
    ward,
    eyebrow: t('studio.card.figureEyebrow', { date: dayText(asOf) }),
    title: fig.groupName,
    big: { text: percentText(fig.share), bar: fig.share, caption },
    points: [],
    numbered: false,
    qr: { url, label: t('studio.card.scanApp'), shown: shownUrl(url) },
    footer: footer(),
  };
  return card(spec, [t('studio.card.postFigure', { date: dayText(asOf), figure: percentText(fig.share), caption }), t('studio.card.postApp', { url })], { source: `figure:group:${fig.groupName}`, link: url });
}

export function wardProgressCard(ward: string, origin: string, p: WardProgress, asOf: string): Card {
  const url = `${base(origin)}/`;
  const values = { ward, done: p.withFiveSkills.toLocaleString('vi-VN'), total: p.households.toLocaleString('vi-VN') };
  const caption = t(p.atLeast ? 'studio.card.wardProgressAtLeast' : 'studio.card.wardProgress', values);
  const figure = (p.atLeast ? t('studio.card.atLeast') + ' ' : '') + percentText(p.share);
  const spec: CardSpec = {
    ward,
    eyebrow: t('studio.card.figureEyebrow', { date: dayText(asOf) }),
    title: t('studio.card.wardTarget'),
    big: { text: figure, bar: p.share, caption },
    points: [],
    numbered: false,
    qr: { url, label: t('studio.card.scanApp'), shown: shownUrl(url) },
    footer: footer(),
  };
  return card(spec, [t('studio.card.postFigure', { date: dayText(asOf), figure, caption }), t('studio.card.wardTargetNote'), t('studio.card.postApp', { url })], { source: 'figure:ward', link: url });
}

/** A line of text: a slogan, or a live figure's sentence (`figureAsOf`: the day it is as of). */
export function sloganCard(ward: string, origin: string, slogan: string, figureAsOf?: string): Card {
  const url = `${base(origin)}/`;
  const spec: CardSpec = {
    ward,
    eyebrow: figureAsOf ? t('studio.card.figureEyebrow', { date: dayText(figureAsOf) }) : t('studio.card.sloganEyebrow'),
    title: slogan,
    points: [],
    numbered: false,
    qr: { url, label: t('studio.card.scanApp'), shown: shownUrl(url) },
    footer: footer(),
  };
  return card(spec, [slogan, t('studio.card.postApp', { url })], { source: `slogan:${slogan.slice(0, 190)}`, link: url });
}

export function storyCard(ward: string, origin: string, item: NewsItem): Card {
  const url = `${base(origin)}${item.path}`;
  const summary = item.summary.trim() || htmlToText(item.html).split('\n')[0] || '';
  const spec: CardSpec = {
    ward,
    eyebrow: t(`studio.card.kinds.${item.kind}`),
    title: item.title,
    points: summary ? [summary] : [],
    numbered: false,
    qr: { url, label: t('studio.card.scanStory'), shown: shownUrl(url) },
    footer: footer(),
  };
  return card(spec, [item.title, summary, t('studio.card.postStory', { url })], { source: `story:${item.id}`, link: url, contentItem: STORY_CONTENT_ITEM[item.kind] });
}
