// The markup the app renders for "/" on a first visit, above the fold:
// Layout's skip link and header (web/src/app/layout.tsx), then HomePage's title
// and lead and the first step of WelcomePanel (web/src/learn/). Classes and
// attributes are the app's own, so the stylesheet lays both out the same; the
// browser test tests/e2e/first-screen.test.ts fails if the app's screen and
// this one differ in text or place.
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../shared/skills.ts';

type Tree = { [key: string]: string | Tree };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The app's icon drawn inline, as BrandMark does (same drawing as icons/icon.svg). */
export function brandMark(iconSvg: string): string {
  return iconSvg
    .trim()
    .replace(/\s*\n\s*/g, '')
    .replace(/^<svg[^>]*>/, '<svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">');
}

/** @param strings the default language's strings, by namespace (app, home, welcome, settings, language) */
export function firstScreenMarkup(strings: Tree, iconSvg: string): string {
  const s = (key: string, vars: Record<string, string | number> = {}): string => {
    const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), strings);
    if (typeof value !== 'string') throw new Error(`first-screen: no string "${key}"`);
    return escape(value.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? '')));
  };
  const languageButtons = LANGUAGES.map(
    (lang) =>
      `<button type="button" lang="${lang}" data-testid="language-${lang}" aria-pressed="${lang === DEFAULT_LANGUAGE}">${s(`language.${lang}`)}</button>`,
  ).join('');
  return [
    `<a class="skip-link" href="#main">${s('app.skipToContent')}</a>`,
    '<header class="app-header">',
    `<a href="/" class="brand active" aria-current="page">${brandMark(iconSvg)}<span>${s('app.name')}</span></a>`,
    '<div class="header-tools">',
    `<a data-testid="settings-link" href="/settings" class="settings-link inactive"><span aria-hidden="true">⚙</span>${s('settings.link')}</a>`,
    `<div class="language-switch" role="group" data-testid="language-switch" aria-label="${s('app.language')}">${languageButtons}</div>`,
    '</div>',
    '</header>',
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
