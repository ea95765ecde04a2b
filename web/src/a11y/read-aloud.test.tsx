// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createRoot } from 'solid-js';
import { createSpeech, htmlToText, pickVoice } from './speech.ts';
import { ReadAloudButton } from './read-aloud-button.tsx';
import { setLanguage } from '../i18n/index.ts';

afterEach(() => {
  cleanup();
  void setLanguage('vi');
});

beforeAll(() => {
  // happy-dom has no speech engine: a minimal utterance to hand to the fake one.
  globalThis.SpeechSynthesisUtterance ??= class {
    voice: unknown = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  } as unknown as typeof SpeechSynthesisUtterance;
});

const voice = (lang: string) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }) as SpeechSynthesisVoice;

/** A phone's speech engine whose voice list arrives late, as Chrome's does. */
function fakeSynth(initial: SpeechSynthesisVoice[]) {
  let voices = initial;
  const listeners: (() => void)[] = [];
  return {
    getVoices: () => voices,
    speak: vi.fn(),
    cancel: vi.fn(),
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => undefined,
    arrive(v: SpeechSynthesisVoice[]) {
      voices = v;
      listeners.forEach((fn) => fn());
    },
  };
}

describe('read-aloud', () => {
  it('picks vi-VN for Vietnamese and en-US or en-GB for English, nothing for a missing language', () => {
    const all = [voice('en-GB'), voice('vi_VN'), voice('en-US')];
    expect(pickVoice(all, 'vi')?.lang).toBe('vi_VN');
    expect(pickVoice(all, 'en')?.lang).toBe('en-US');
    expect(pickVoice([voice('en-GB')], 'en')?.lang).toBe('en-GB');
    expect(pickVoice([voice('en-US'), voice('fr-FR')], 'vi')).toBeUndefined();
  });

  it('hides the button without a Vietnamese voice, shows it when one arrives, and reads the text in vi-VN', async () => {
    const synth = fakeSynth([voice('en-US')]);
    const speech = createRoot(() => createSpeech(synth as unknown as SpeechSynthesis));
    render(() => <ReadAloudButton text={() => 'Bước 1. Mở ứng dụng.'} what="Bước 1" speech={speech} />);
    expect(screen.queryByTestId('read-aloud')).toBeNull();

    synth.arrive([voice('en-US'), voice('vi-VN')]);
    const button = await screen.findByTestId('read-aloud');
    expect(button.textContent).toContain('Nghe đọc');
    await userEvent.setup().click(button);
    const utterance = synth.speak.mock.calls[0][0] as SpeechSynthesisUtterance;
    expect(utterance.text).toBe('Bước 1. Mở ứng dụng.');
    expect(utterance.lang).toBe('vi-VN');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toContain('Dừng đọc');
    await userEvent.setup().click(button);
    expect(synth.cancel).toHaveBeenCalled();
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('follows the language: an English screen needs an English voice', async () => {
    const synth = fakeSynth([voice('vi-VN')]);
    const speech = createRoot(() => createSpeech(synth as unknown as SpeechSynthesis));
    render(() => <ReadAloudButton text={() => 'Step 1'} what="Step 1" speech={speech} />);
    expect(screen.queryByTestId('read-aloud')).not.toBeNull();
    await setLanguage('en');
    expect(screen.queryByTestId('read-aloud')).toBeNull();
  });

  it('turns lesson HTML into readable sentences, image descriptions included', () => {
    expect(htmlToText('<p>Mở <strong>VNeID</strong>.</p><ul><li>Bấm <b>Đăng nhập</b></li></ul><p><img src="x.svg" alt="Màn hình đăng nhập"></p>')).toBe(
      'Mở VNeID. Bấm Đăng nhập. Màn hình đăng nhập.',
    );
  });

  it("plays a guide's recording before the phone's voice, and shows the button for it even without a voice", async () => {
    const synth = fakeSynth([]);
    const speech = createRoot(() => createSpeech(synth as unknown as SpeechSynthesis));
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('play'));
      return Promise.resolve();
    });
    render(() => <ReadAloudButton text={() => 'Bước 1.'} what="Bước 1" speech={speech} recording="blob:recording-1" />);
    const button = screen.getByTestId('read-aloud');
    expect(button.dataset.source).toBe('recording');
    expect(button.textContent).toContain('Nghe hướng dẫn viên đọc');
    await userEvent.click(button);
    expect(play).toHaveBeenCalledOnce();
    expect(synth.speak).not.toHaveBeenCalled();
    expect((screen.getByTestId('read-aloud-recording') as HTMLAudioElement).getAttribute('src')).toBe('blob:recording-1');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    play.mockRestore();
  });
});
