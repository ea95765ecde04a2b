// Display preferences, read side: text size and contrast. Kept in localStorage (read
// synchronously, unlike IndexedDB) and applied as classes on <html> by the
// first module the app runs, so the first painted screen already has the
// resident's size. Nothing here is personal data; it never leaves the phone.
// The setters live in display-prefs.ts, loaded only with the settings screen.
export const TEXT_SIZES = ['normal', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type Contrast = 'normal' | 'high';

export const SIZE_KEY = 'hvs.textSize';
export const CONTRAST_KEY = 'hvs.contrast';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage blocked (private mode): defaults apply
  }
}

export function textSize(): TextSize {
  const saved = read(SIZE_KEY);
  return (TEXT_SIZES as readonly string[]).includes(saved ?? '') ? (saved as TextSize) : 'normal';
}

/** A saved choice wins; with none, the phone's own "more contrast" setting is followed. */
export function contrast(): Contrast {
  const saved = read(CONTRAST_KEY);
  if (saved === 'high' || saved === 'normal') return saved;
  return globalThis.matchMedia?.('(prefers-contrast: more)').matches ? 'high' : 'normal';
}

export function applyDisplayPrefs(root: HTMLElement | undefined = globalThis.document?.documentElement): void {
  if (!root) return;
  const size = textSize();
  for (const s of TEXT_SIZES) root.classList.toggle(`text-${s}`, s === size && s !== 'normal');
  root.classList.toggle('high-contrast', contrast() === 'high');
}

