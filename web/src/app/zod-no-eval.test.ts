import { describe, expect, it } from 'vitest';

describe('zod without eval', () => {
  it('zod reads the jitless setting made before it loads, so it never probes new Function', async () => {
    await import('./zod-no-eval.ts');
    const { z } = await import('zod');
    expect(z.config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig);
    expect(z.config().jitless).toBe(true);
  });
});
