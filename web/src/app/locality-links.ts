// In a locality every address of the app starts with /l/<slug>. Screens write
// their links as a single ward's ("/me", "/ward/tracker", a lesson's link to
// "/channels"); the router only takes over links under its base, so a plain
// link would leave the locality. Before the router sees a click, such a link
// is given the locality's prefix: one place instead of every screen's links.
import { localityBase, localityOfPath } from '../net/api-base.ts';

export function keepLinksInLocality(target: Pick<Window, 'addEventListener'> = window): void {
  const base = localityBase();
  if (!base) return; // a single ward: links stay exactly as written
  target.addEventListener(
    'click',
    (evt) => {
      const a = (evt.target as Element | null)?.closest?.('a');
      const raw = a?.getAttribute('href');
      if (!a || !raw || !raw.startsWith('/') || raw.startsWith('//') || localityOfPath(raw)) return;
      a.setAttribute('href', base + raw);
    },
    true, // capture: before the router's own listener reads the link
  );
}
