// Work the first screen does not show (storage, sync, the service worker)
// starts after that screen has painted, so its downloads and its script never
// compete with what the resident is waiting to see. main.tsx holds the gate
// until the first paint; where nothing holds it (tests, a screen rendered on
// its own) it is open.
import { createMemo, createRoot, createSignal, untrack } from 'solid-js';

let gate: Promise<void> = Promise.resolve();
const [painted, setPainted] = createRoot(() => createSignal(true));

/** Holds the gate until the first render's frame has been painted. */
export function holdUntilFirstPaint(): () => void {
  let open!: () => void;
  setPainted(false);
  gate = new Promise<void>((resolve) => (open = resolve)).then(() => void setPainted(true));
  // The frame after the render is drawn once this animation frame has run;
  // the timeout lands after that paint. A hidden page gets no animation
  // frames, so the gate also opens after a second whatever happens.
  return () => {
    requestAnimationFrame(() => setTimeout(open, 0));
    setTimeout(open, 1000);
  };
}

export function afterFirstPaint(): Promise<void> {
  return gate;
}

/** False until the first screen has painted; for parts of it below the fold. */
export const isFirstPaintDone = painted;

/**
 * How many items of a long list below the fold to show. While the app starts
 * the list grows by `perTask` items per task after the first paint, so it is
 * several short tasks rather than one long one that would hold up the first
 * tap; a list rendered once the app has started shows everything at once.
 */
export function revealInSteps(total: () => number, perTask: number): () => number {
  if (untrack(painted)) return total;
  const [count, setCount] = createSignal(0);
  const step = () => {
    setCount((c) => c + perTask);
    // Once caught up, everything: a list that grows later (a retried load) shows whole.
    if (untrack(count) < untrack(total)) setTimeout(step, 0);
    else setCount(Number.POSITIVE_INFINITY);
  };
  void gate.then(step);
  return createMemo(() => Math.min(count(), total()));
}
