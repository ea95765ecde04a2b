import { describe, expect, it } from 'vitest';
import { createHashQueue, HashQueueFull } from './hash-queue.ts';

/** A task that finishes when the test says; `log` records the order tasks start in. */
function tasks() {
  const log: string[] = [];
  const finishers: Array<() => void> = [];
  const task = (name: string) => () => {
    log.push(name);
    return new Promise<string>((resolve) => finishers.push(() => resolve(name)));
  };
  const finishOldest = async () => {
    finishers.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { log, task, finishOldest };
}

describe('createHashQueue', () => {
  it('runs a few at once and lets owners take turns, so a long line does not hold up a short one', async () => {
    const q = createHashQueue({ parallel: 2, capacity: 10 });
    const { log, task, finishOldest } = tasks();
    const all = ['a1', 'a2', 'a3', 'a4', 'a5'].map((n) => q.run('a', task(n)));
    all.push(q.run('b', task('b1')), q.run('c', task('c1')));
    expect(log).toEqual(['a1', 'a2']);
    expect(q.load()).toEqual({ running: 2, waiting: 5 });
    for (let i = 0; i < 7; i++) await finishOldest();
    expect(log).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'a4', 'a5']);
    expect(await Promise.all(all)).toHaveLength(7);
    expect(q.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('when full, refuses the owner with the longest line, giving one of its waiting places to a newcomer', async () => {
    const q = createHashQueue({ parallel: 1, capacity: 3 });
    const { log, task, finishOldest } = tasks();
    const a = ['a1', 'a2', 'a3', 'a4'].map((n) => q.run('a', task(n)));
    expect(() => q.run('a', task('a5'))).toThrow(HashQueueFull);
    const b1 = q.run('b', task('b1'));
    await expect(a[3]).rejects.toBeInstanceOf(HashQueueFull); // a's newest waiting check gave way
    expect(q.load()).toEqual({ running: 1, waiting: 3 });
    const c1 = q.run('c', task('c1'));
    await expect(a[2]).rejects.toBeInstanceOf(HashQueueFull);
    // Every line now holds one: a newcomer has no longer line to take a place from.
    expect(() => q.run('d', task('d1'))).toThrow(HashQueueFull);
    for (let i = 0; i < 4; i++) await finishOldest();
    expect(log).toEqual(['a1', 'a2', 'b1', 'c1']);
    await Promise.all([a[0], a[1], b1, c1]);
  });

  it('frees its place when a task fails', async () => {
    const q = createHashQueue({ parallel: 1, capacity: 1 });
    await expect(q.run('a', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await q.run('a', async () => 'next')).toBe('next');
    expect(q.load()).toEqual({ running: 0, waiting: 0 });
  });
});
