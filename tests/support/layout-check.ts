// What a person sees of text on a small screen: a word split over two lines
// ("Hư / ớn / g dẫ / n") is unreadable, wherever it happens.
import type { Page } from 'playwright-core';

/** Words inside `selector` drawn on more than one line (text hidden from view is skipped). */
export function wordsSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const hidden = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) if (e.getBoundingClientRect().width <= 2) return true;
      return false;
    };
    const broken: string[] = [];
    for (const root of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (hidden(node.parentElement)) continue;
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** Whether the element's box lies wholly inside the viewport, as drawn now. */
export async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const view = page.viewportSize()!;
  // A pixel of sub-pixel rounding either way is still in view.
  return box !== null && box.y >= -1 && box.x >= -1 && box.y + Math.min(box.height, view.height) <= view.height + 1 && box.x + box.width <= view.width + 1;
}

/** Everything drawn past the screen's left or right edge (inside a box that scrolls or clips on
 * its own is fine), and the page itself scrolling sideways; named "tag.class" for the failure. */
export function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const contained = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') return true;
      return false;
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || contained(el)) continue;
      if (r.right > innerWidth + 1 || r.left < -1) found.push(`${name(el)} ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
    const scroll = document.documentElement.scrollWidth;
    if (scroll > innerWidth) found.push(`the page scrolls sideways to ${scroll} px`);
    return found;
  });
}

/** Table cells squeezed narrower than about three letters while holding longer text
 * (a column one letter wide); named by their text for the failure. */
export function narrowTableCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const hidden = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (r.width <= 2 || r.height <= 2 || getComputedStyle(e).clipPath !== 'none') return true;
      }
      return false;
    };
    for (const cell of document.querySelectorAll('th, td')) {
      if (hidden(cell)) continue;
      const r = cell.getBoundingClientRect();
      const text = (cell.textContent ?? '').trim();
      const style = getComputedStyle(cell);
      const inner = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (text.length > 3 && inner < 2.5 * parseFloat(style.fontSize)) found.push(`"${text.slice(0, 30)}" ${Math.round(inner)} px`);
    }
    return found;
  });
}
