// @vitest-environment happy-dom
import { createEffect, createRoot, createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';

// A fresh module per test: the gate is module state, held once by main.tsx.
async function freshGate() {
  vi.resetModules();
  return import('./first-paint.ts');
}

describe('the first-paint gate', () => {
  it('is open where nothing holds it, and lists show whole', async () => {
    const gate = await freshGate();
    expect(gate.isFirstPaintDone()).toBe(true);
    await gate.afterFirstPaint();
    createRoot(() => expect(gate.revealInSteps(() => 9, 3)()).toBe(9));
  });

  it('opens after the frame that follows the first render, and a long list grows a few items per task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      const gate = await freshGate();
      const painted = gate.holdUntilFirstPaint();
      const [total, setTotal] = createSignal(7);
      const shown = createRoot(() => gate.revealInSteps(total, 3));
      const seen: number[] = [];
      createRoot(() => createEffect(() => seen.push(shown())));
      expect(gate.isFirstPaintDone()).toBe(false);
      expect(shown()).toBe(0);
      painted();
      await vi.advanceTimersToNextTimerAsync(); // the animation frame
      expect(gate.isFirstPaintDone()).toBe(false);
      await vi.advanceTimersToNextTimerAsync(); // the timeout after its paint
      expect(gate.isFirstPaintDone()).toBe(true);
      await vi.runAllTimersAsync();
      expect(seen).toEqual([0, 3, 6, 7]);
      setTotal(12); // a list that grows later shows whole
      expect(shown()).toBe(12);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens after a second when no frame comes (a hidden page)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      const gate = await freshGate();
      gate.holdUntilFirstPaint()();
      await vi.advanceTimersByTimeAsync(1000);
      expect(gate.isFirstPaintDone()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
