// What a person reads on a screen, to check its language: the visible text,
// what a select offers, and the labels a screen reader speaks (aria-label,
// placeholder, alt, title). A string missing in every language shows as its
// raw key ("newsDesk.editor.kind"); one missing only in English shows in
// Vietnamese, the fallback.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const I18N = join(import.meta.dirname, '../../web/src/i18n/vi');

/** The first part of every key t() is given: one per strings file, and the skill names. */
const NAMESPACES = new Set(['skills', ...[...readdirSync(I18N), ...readdirSync(join(I18N, 'lazy'))].filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))]);

/** Each piece of text a person sees or hears on the page now. */
export function textShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = (el: Element) => {
      const select = el.closest('select');
      return (select ?? el).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    };
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && node.parentElement && !node.parentElement.closest('script, style') && seen(node.parentElement)) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], img[alt], [title]')) {
      if (!seen(el)) continue;
      for (const attr of ['aria-label', 'placeholder', 'alt', 'title']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** Raw keys among the texts: a dotted name that starts with one of the app's namespaces. */
export function rawKeys(texts: string[]): string[] {
  return texts.flatMap((text) => [...text.matchAll(/\b([a-z][A-Za-z0-9]*)(\.[A-Za-z0-9_-]+)+/g)].filter((m) => NAMESPACES.has(m[1])).map((m) => m[0]));
}

// Letters Vietnamese writes and English does not.
const VIETNAMESE = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/i;
// Names the English strings keep as they are: the app's, the movement's, and
// Vietnamese named in Vietnamese in the language switch.
const PROPER_NAMES = ['Bình dân học vụ số', 'Học vụ số', 'Tiếng Việt'];

/** Texts in Vietnamese on a screen asked for in English, leaving out what the ward typed (`data`):
 * a story's title, a unit's name, the ward's name. */
export function vietnameseAmong(texts: string[], data: readonly string[]): string[] {
  // Longest first: a shorter entry inside a longer one ("tuyên truyền" in "Pa nô tuyên truyền") must not cut it apart first.
  const words = [...data, ...PROPER_NAMES].sort((a, b) => b.length - a.length);
  return texts.filter((text) => {
    // A piece of what the ward wrote (a bold word of a story) is the ward's too.
    if (data.some((d) => d.includes(text))) return false;
    let rest = text;
    for (const d of words) rest = rest.split(d).join(' ');
    return VIETNAMESE.test(rest);
  });
}
