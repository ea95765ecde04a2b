// A first visit's home or lesson screen is HTML until the app has started
// (web/public/first-screen.js); a button tapped on it in that time is kept
// by its data-testid. Once the app has drawn its own screen in the same
// place, the same button is tapped for the resident, so "Bỏ qua" tapped a
// moment early still closes the welcome, and "Bắt đầu học" still opens the
// first step. A screen that draws its content a moment after the first
// render (a lesson read from its course's file) is waited for, briefly.

type FirstTaps = { taps: string[]; taken: boolean };

declare global {
  interface Window {
    __hvsFirstTaps?: FirstTaps;
  }
}

/** How long a kept tap waits for its button to be drawn; after that it is dropped. */
const WAIT_MS = 3000;

/** Taps the app's own buttons for the taps kept before it started; each only once, in order. */
export function replayFirstTaps(root: ParentNode & Node): void {
  const first = window.__hvsFirstTaps;
  if (!first || first.taken) return;
  first.taken = true;
  const taps = first.taps.splice(0);
  const find = (id: string) => root.querySelector<HTMLButtonElement>(`button[data-testid="${CSS.escape(id)}"]`);
  const next = () => {
    const id = taps[0];
    if (id === undefined) return;
    const button = find(id);
    if (button) {
      taps.shift();
      button.click();
      next();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!find(id)) return;
      observer.disconnect();
      clearTimeout(timer);
      next();
    });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    observer.observe(root, { childList: true, subtree: true });
  };
  next();
}
