// A first visit's home screen is HTML until the app has started
// (web/public/first-screen.js); a button tapped on it in that time is kept
// by its data-testid. Once the app has drawn its own screen in the same
// place, the same button is tapped for the resident, so "Bỏ qua" tapped a
// moment early still closes the welcome.

type FirstTaps = { taps: string[]; taken: boolean };

declare global {
  interface Window {
    __hvsFirstTaps?: FirstTaps;
  }
}

/** Taps the app's own buttons for the taps kept before it started; each only once. */
export function replayFirstTaps(root: ParentNode): void {
  const first = window.__hvsFirstTaps;
  if (!first || first.taken) return;
  first.taken = true;
  for (const id of first.taps.splice(0)) {
    root.querySelector<HTMLButtonElement>(`button[data-testid="${CSS.escape(id)}"]`)?.click();
  }
}
