// The markup the app renders for "/" on a first visit, above the fold:
// Layout's skip link and header (web/src/app/layout.tsx), then HomePage's title
// and lead and the first step of WelcomePanel (web/src/learn/). Classes and
// attributes are the app's own, so the stylesheet lays both out the same; the
// browser test tests/e2e/first-screen.test.ts fails if the app's screen and
// this one differ in text or place.
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../shared/skills.ts';
import { courseSlot, slot, type CourseTemplates } from '../../shared/first-screen.ts';

type Tree = { [key: string]: string | Tree };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The app's icon drawn inline, as BrandMark does (same drawing as icons/icon.svg). */
export function brandMark(iconSvg: string): string {
  return iconSvg
    .trim()
    .replace(/\s*\n\s*/g, '')
    .replace(/^<svg[^>]*>/, '<svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">');
}

type Say = (key: string, vars?: Record<string, string | number>) => string;

/** A lookup of the default language's strings, escaped for HTML; a missing key fails the build. */
function sayer(strings: Tree): Say {
  return (key, vars = {}) => {
    const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), strings);
    if (typeof value !== 'string') throw new Error(`first-screen: no string "${key}"`);
    return escape(value.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? '')));
  };
}

/** Layout's skip link and header; `home` marks the brand link as the current page. */
function header(s: Say, iconSvg: string, home: boolean): string[] {
  const languageButtons = LANGUAGES.map(
    (lang) =>
      `<button type="button" lang="${lang}" data-testid="language-${lang}" aria-pressed="${lang === DEFAULT_LANGUAGE}">${s(`language.${lang}`)}</button>`,
  ).join('');
  return [
    `<a class="skip-link" href="#main">${s('app.skipToContent')}</a>`,
    '<header class="app-header">',
    home
      ? `<a href="/" class="brand active" aria-current="page">${brandMark(iconSvg)}<span>${s('app.name')}</span></a>`
      : `<a href="/" class="brand inactive">${brandMark(iconSvg)}<span>${s('app.name')}</span></a>`,
    '<div class="header-tools">',
    `<a data-testid="settings-link" href="/settings" class="settings-link inactive"><span aria-hidden="true">⚙</span>${s('settings.link')}</a>`,
    `<div class="language-switch" role="group" data-testid="language-switch" aria-label="${s('app.language')}">${languageButtons}</div>`,
    '</div>',
    '</header>',
  ];
}

/** Layout's footer, under a lesson's or a course's screen (home's first view ends above the fold). */
function footer(s: Say): string[] {
  return [
    '<footer class="app-footer">',
    `<p>${s('app.footerNote')}</p>`,
    `<a href="/tin" class="footer-link inactive" data-testid="news-link">${s('app.newsLink')}</a>`,
    `<a href="/ward" class="footer-link inactive">${s('app.staffLink')}</a>`,
    '</footer>',
  ];
}

/** @param strings the default language's strings, by namespace (app, home, welcome, settings, language) */
export function firstScreenMarkup(strings: Tree, iconSvg: string): string {
  const s = sayer(strings);
  return [
    ...header(s, iconSvg, true),
    '<main id="main" class="app-main" tabindex="-1">',
    `<h1>${s('home.title')}</h1>`,
    `<p class="lead">${s('home.intro')}</p>`,
    `<section class="welcome card" aria-live="polite" data-testid="welcome" aria-label="${s('welcome.label')}">`,
    `<p class="muted">${s('welcome.step', { n: 1 })}</p>`,
    `<h2>${s('welcome.s1Title')}</h2>`,
    `<p>${s('welcome.s1Text')}</p>`,
    '<div class="nav-buttons">',
    `<button type="button" class="button" data-testid="welcome-next">${s('welcome.next')}</button>`,
    `<button type="button" class="button secondary" data-testid="welcome-skip">${s('welcome.skip')}</button>`,
    '</div>',
    '</section>',
    '</main>',
  ].join('');
}

/**
 * A lesson's first screen (its goal and introduction) as the app renders it
 * for a first visit (web/src/learn/lesson-page.tsx, lesson-player.tsx,
 * lesson-steps.tsx, with Layout's header and footer), with slots for the
 * lesson's words. No "Nghe đọc" button: the app shows it only where the
 * phone has a voice, which the server cannot know.
 * @param strings the default language's strings, by namespace (app, lesson, settings, language)
 */
export function firstLessonMarkup(strings: Tree, iconSvg: string): string {
  const s = sayer(strings);
  return [
    ...header(s, iconSvg, false),
    '<main id="main" class="app-main" tabindex="-1">',
    `<nav aria-label="${s('app.breadcrumb')}" class="breadcrumb"><a href="${slot('courseHref')}" class="active">← ${slot('courseTitle')}</a></nav>`,
    '<article class="lesson">',
    `<h1>${slot('title')}</h1>`,
    '<section class="lesson-screen" aria-labelledby="screen-heading">',
    `<h2 id="screen-heading" tabindex="-1">${s('lesson.goal')}</h2>`,
    `<p class="goal">${slot('goal')}</p>`,
    `<p class="muted">${s('lesson.overview', { steps: 'HVS-STEPS', minutes: 'HVS-MINUTES' }).replace('HVS-STEPS', slot('steps')).replace('HVS-MINUTES', slot('minutes'))}</p>`,
    slot('intro'),
    '<div class="nav-buttons">',
    `<button type="button" class="button" data-testid="next-step">${s('lesson.begin')} →</button>`,
    '</div>',
    '</section>',
    // Taken out by the server for a lesson without sources.
    `<details class="sources"><summary>${s('lesson.sources')}</summary><ul>${slot('sources')}</ul></details>`,
    '</article>',
    '</main>',
    ...footer(s),
  ].join('');
}

/**
 * A course's page (web/src/learn/course-page.tsx, course-extras.tsx,
 * progress-bar.tsx) as a first visit sees it (nothing learnt yet), with
 * slots for the course's words, and one lesson row with slots, repeated by
 * the server for each lesson. A guide's recordings, offered only once the
 * app has asked the server, are not drawn.
 * @param strings the default language's strings, by namespace (app, course, home, share, settings, language)
 */
export function firstCourseMarkup(strings: Tree, iconSvg: string): CourseTemplates {
  const s = sayer(strings);
  const page = [
    ...header(s, iconSvg, false),
    '<main id="main" class="app-main" tabindex="-1">',
    `<nav aria-label="${s('app.breadcrumb')}" class="breadcrumb"><a href="/" class="active">← ${s('course.allCourses')}</a></nav>`,
    `<h1>${courseSlot('courseTitle')}</h1>`,
    `<p class="tag" data-testid="course-skill">${s('course.skill', { skill: 'HVS-SKILL' }).replace('HVS-SKILL', courseSlot('skill'))}</p>`,
    `<p class="lead">${courseSlot('summary')}</p>`,
    `<div class="progress"><progress max="${courseSlot('total')}" value="0" aria-label="${s('home.progressLabel')}"></progress><span>${s('home.lessonsDone', { done: 0, total: 'HVS-TOTAL' }).replace('HVS-TOTAL', courseSlot('total'))}</span></div>`,
    `<div class="course-extras"><div class="share"><button type="button" class="button secondary" data-testid="share-course">${s('share.share')}</button><p role="status" aria-live="polite" class="muted"></p></div></div>`,
    `<h2>${s('course.lessons')}</h2>`,
    `<ol class="lesson-list">${courseSlot('lessons')}</ol>`,
    '</main>',
    ...footer(s),
  ].join('');
  const item = [
    `<li><a href="${courseSlot('href')}" class="card lesson-link inactive" data-testid="${courseSlot('testid')}" data-status="none">`,
    `<span class="lesson-mark" aria-hidden="true">${courseSlot('n')}</span>`,
    `<span class="lesson-text"><span class="lesson-title">${courseSlot('title')}</span>`,
    `<span class="muted">${s('course.minutes_other', { count: 'HVS-MINUTES' }).replace('HVS-MINUTES', courseSlot('minutes'))} · ${s('course.status.none')}</span>`,
    '</span></a></li>',
  ].join('');
  return { page, item };
}
