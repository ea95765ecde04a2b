// Display preferences, write side (used by the settings screen only, so it
// stays out of the first download). See apply-display-prefs.ts.
import { applyDisplayPrefs, CONTRAST_KEY, SIZE_KEY, type Contrast, type TextSize } from './apply-display-prefs.ts';

export { applyDisplayPrefs, contrast, textSize, TEXT_SIZES, type Contrast, type TextSize } from './apply-display-prefs.ts';

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisted; the choice still applies for this visit.
  }
}

export function setTextSize(size: TextSize): void {
  write(SIZE_KEY, size);
  applyDisplayPrefs();
}

export function setContrast(value: Contrast): void {
  write(CONTRAST_KEY, value);
  applyDisplayPrefs();
}
