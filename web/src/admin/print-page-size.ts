// The printed page size for the poster page. An inline <style> element would
// need 'unsafe-inline' in the server's Content-Security-Policy; a constructed
// stylesheet is CSSOM, which the policy does not govern.
import { createEffect, onCleanup } from 'solid-js';

/** Sets `@page { size }` while the calling component is mounted. */
export function usePrintPageSize(size: () => string): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  createEffect(() => sheet.replaceSync(`@page { size: ${size()}; margin: 0; }`));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  onCleanup(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
