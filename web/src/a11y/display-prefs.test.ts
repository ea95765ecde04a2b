// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { applyDisplayPrefs, contrast, setContrast, setTextSize, textSize } from './display-prefs.ts';

afterEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});

describe('display preferences', () => {
  it('keeps the text size and contrast in storage and applies them as classes on <html>', () => {
    const html = document.documentElement;
    expect(textSize()).toBe('normal');
    setTextSize('xlarge');
    setContrast('high');
    expect(html.classList.contains('text-xlarge')).toBe(true);
    expect(html.classList.contains('high-contrast')).toBe(true);

    // A new visit: a fresh <html> gets the same classes from storage alone.
    html.className = '';
    applyDisplayPrefs();
    expect([...html.classList].sort()).toEqual(['high-contrast', 'text-xlarge']);

    setTextSize('large');
    expect(html.classList.contains('text-xlarge')).toBe(false);
    expect(html.classList.contains('text-large')).toBe(true);
    setTextSize('normal');
    setContrast('normal');
    expect(html.className).toBe('');
  });

  it('ignores a tampered or unknown stored value', () => {
    localStorage.setItem('hvs.textSize', 'huge');
    localStorage.setItem('hvs.contrast', 'neon');
    expect(textSize()).toBe('normal');
    expect(contrast()).toBe('normal');
  });
});
